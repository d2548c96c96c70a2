import { randomUUID } from 'node:crypto';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@drobble/kit/auth/internal-token';
import type { Role, Viewer } from '@drobble/kit/auth/viewer';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import type { RunningService } from '@drobble/kit/runtime';
import { createEvent, type EventOf, type PayloadOf, type Subject } from '@drobble/schema/events';
import payments from '../src/index.ts';
import { createPaymentsPrisma, type PaymentsPrisma } from '../src/infra/prisma.ts';

export interface GraphQLResponse {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export const viewerWith = (...roles: Role[]): Viewer => ({ userId: randomUUID(), roles, sessionId: null });
export const admin = viewerWith('ADMIN');

const PAYMENT_SUBJECTS = [
  'payments.payment.succeeded.v1',
  'payments.payment.requires_action.v1',
  'payments.payment.failed.v1',
  'payments.payment.refunded.v1',
  'payments.refund.failed.v1',
] as const;
type PaymentSubject = (typeof PAYMENT_SUBJECTS)[number];

export interface PaymentsHarness {
  service: RunningService;
  bus: EventBus;
  prisma: PaymentsPrisma;
  /** Every payments.* event published so far, in arrival order. */
  received: { subject: PaymentSubject; event: EventOf<PaymentSubject> }[];
  gql(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse>;
  /** Publishes a saga request as orders would, and returns the envelope. */
  publish<S extends Subject>(subject: S, data: PayloadOf<S>, id?: string): Promise<EventOf<S>>;
  /** Events of one order (and subject), waiting until at least `count` arrived. */
  waitFor(subject: PaymentSubject, orderId: string, count?: number): Promise<EventOf<PaymentSubject>[]>;
  stop(): Promise<void>;
}

export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The payments subgraph on a fresh database and a private bus namespace (PGlite + in-process, or DATABASE_URL + NATS_URL). */
export async function startPayments(env: Record<string, string> = {}): Promise<PaymentsHarness> {
  const logger = createLogger('payments-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = await createTestDatabase();
  const bus = await createEventBus({ natsUrl: process.env.NATS_URL, logger, namespace: `t${randomUUID().replaceAll('-', '').slice(0, 12)}` });
  await bus.ensureStreams(['orders', 'payments']);
  const keys = generateKeyPairPem();
  const privateKey = privateKeyFromPem(keys.privateKey);
  const service = await payments.start({ env: { ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}), ...env }, databaseUrl: db.connectionString, bus, logger, internalPublicKey: publicKeyFromPem(keys.publicKey), port: 0 });
  const prisma = createPaymentsPrisma(db.connectionString);
  const received: PaymentsHarness['received'] = [];
  await bus.subscribe({ durable: 'payments-test-listener', subjects: PAYMENT_SUBJECTS, handler: async (event, meta) => void received.push({ subject: meta.subject, event }) });
  return {
    service,
    bus,
    prisma,
    received,
    async gql(query, variables = {}, viewer = admin) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signInternalToken(viewer, privateKey) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    async publish(subject, data, id) {
      const event = createEvent(subject, data, { correlationId: randomUUID(), id });
      await bus.publish(subject, event);
      return event;
    },
    waitFor: (subject, orderId, count = 1) =>
      eventually(() => {
        const found = received.filter((item) => item.subject === subject && item.event.data.orderId === orderId).map((item) => item.event);
        if (found.length < count) throw new Error(`waiting for ${count} ${subject} of ${orderId}, have ${found.length}`);
        return found;
      }),
    async stop() {
      await service.stop();
      await prisma.$disconnect();
      await bus.close();
      await db.drop();
    },
  };
}

/** A payment request as the saga sends it. */
export function paymentRequest(overrides: Partial<PayloadOf<'orders.order.payment_requested.v1'>> = {}): PayloadOf<'orders.order.payment_requested.v1'> {
  return { orderId: randomUUID(), customerId: randomUUID(), email: 'shopper@example.com', amount: 5_000, currency: 'USD', provider: 'TEST', token: 'tok_visa', ...overrides };
}

export const errorCodes = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);

export const PAYMENT_FIELDS = `id provider status amount { amount currency } refunded { amount currency } clientSecret createdAt
  refunds { id amount { amount currency } reason createdAt } ledger { kind status amount { amount } note }`;
