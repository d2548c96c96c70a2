import { randomUUID } from 'node:crypto';
import { eventually, startSubgraphHarness, viewerWith, type SubgraphHarness } from '@drobble/kit/testing/subgraph-harness';
import type { EventOf, PayloadOf, Subject } from '@drobble/schema/events';
import payments from '../src/index.ts';
import { createPaymentsPrisma, type PaymentsPrisma } from '../src/infra/prisma.ts';

export { errorCodes, eventually, viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';
export const admin = viewerWith('ADMIN');

const PAYMENT_SUBJECTS = [
  'payments.payment.succeeded.v1',
  'payments.payment.requires_action.v1',
  'payments.payment.failed.v1',
  'payments.payment.refunded.v1',
  'payments.refund.failed.v1',
] as const;
type PaymentSubject = (typeof PAYMENT_SUBJECTS)[number];

export interface PaymentsHarness extends Omit<SubgraphHarness<PaymentsPrisma>, 'publish'> {
  /** Every payments.* event published so far, in arrival order. */
  received: { subject: PaymentSubject; event: EventOf<PaymentSubject> }[];
  /** Publishes a saga request as orders would, and returns the envelope. */
  publish<S extends Subject>(subject: S, data: PayloadOf<S>, id?: string): Promise<EventOf<S>>;
  /** Events of one order (and subject), waiting until at least `count` arrived. */
  waitFor(subject: PaymentSubject, orderId: string, count?: number): Promise<EventOf<PaymentSubject>[]>;
}

/** The payments subgraph on a fresh database and a private bus namespace (PGlite + in-process, or DATABASE_URL + NATS_URL). */
export async function startPayments(env: Record<string, string> = {}): Promise<PaymentsHarness> {
  const harness = await startSubgraphHarness(payments, {
    env: { ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}), ...env },
    createPrisma: createPaymentsPrisma,
  });
  const received: PaymentsHarness['received'] = [];
  await harness.bus.subscribe({ durable: 'payments-test-listener', subjects: PAYMENT_SUBJECTS, handler: async (event, meta) => void received.push({ subject: meta.subject, event }) });
  return {
    ...harness,
    received,
    publish: (subject, data, id) => harness.publish(subject, data, { correlationId: randomUUID(), id }),
    waitFor: (subject, orderId, count = 1) =>
      eventually(async () => {
        const found = received.filter((item) => item.subject === subject && item.event.data.orderId === orderId).map((item) => item.event);
        if (found.length < count) throw new Error(`waiting for ${count} ${subject} of ${orderId}, have ${found.length}`);
        return found;
      }, 20_000),
  };
}

/** A payment request as the saga sends it. */
export function paymentRequest(overrides: Partial<PayloadOf<'orders.order.payment_requested.v1'>> = {}): PayloadOf<'orders.order.payment_requested.v1'> {
  return { orderId: randomUUID(), customerId: randomUUID(), email: 'shopper@example.com', amount: 5_000, currency: 'USD', provider: 'TEST', token: 'tok_visa', ...overrides };
}

export const PAYMENT_FIELDS = `id provider status amount { amount currency } refunded { amount currency } clientSecret createdAt
  refunds { id amount { amount currency } reason createdAt } ledger { kind status amount { amount } note }`;
