import { randomUUID } from 'node:crypto';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@drobble/kit/auth/internal-token';
import { anonymousViewer, type Viewer } from '@drobble/kit/auth/viewer';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { deleteBusNamespace } from '@drobble/kit/bus/test-harness';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import type { RunningService } from '@drobble/kit/runtime';
import { viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';
import { createEvent, type EventOf, type PayloadOf, type Subject } from '@drobble/schema/events';
import { startOrdersService } from '../src/index.ts';
import type { OrdersPrisma } from '../src/infra/prisma.ts';

export { viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';
export const admin = viewerWith('ADMIN');
export const support = viewerWith('SUPPORT');
export const anonymous = anonymousViewer;

/** Test settings: quick retries, a quick sweeper; the payment timeout stays long unless a test says so. */
export const TEST_ENV = { ORDER_CONSUMER_MAX_DELIVER: '3', ORDER_CONSUMER_BACKOFF_MS: '100,200', ORDER_SWEEP_INTERVAL_MS: '200', ORDER_TAX_RATES: 'DE=1900,US=0' };

export interface OrdersHarness {
  service: RunningService;
  bus: EventBus;
  prisma: OrdersPrisma;
  /** Every event orders published, in arrival order (an observer durable on orders.order.*). */
  published: EventOf<Subject>[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse<T>>;
  /** Publishes an event as another context would (correlation id of the order when given). */
  publish<S extends Subject>(subject: S, data: PayloadOf<S>, correlationId?: string): Promise<EventOf<S>>;
  /** Stops the orders service (like a killed process) and starts a new one on the same database and bus. */
  restart(env?: Record<string, string>): Promise<void>;
  stopService(): Promise<void>;
  startService(env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

const ORDER_SUBJECTS = [
  'orders.order.placed.v1', 'orders.order.paid.v1', 'orders.order.status_changed.v1', 'orders.order.stock_reservation_requested.v1',
  'orders.order.stock_release_requested.v1', 'orders.order.payment_requested.v1', 'orders.order.refund_requested.v1', 'orders.order.shipment_requested.v1',
] as const;

/** Orders on a fresh database (PGlite, or DATABASE_URL's server) and bus (in-process, or NATS_URL in a private namespace). */
export async function startOrders(env: Record<string, string> = {}, natsUrl = process.env.NATS_URL): Promise<OrdersHarness> {
  const logger = createLogger('orders-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = await createTestDatabase();
  const namespace = `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const bus = await createEventBus({ natsUrl, logger, namespace });
  const keys = generateKeyPairPem();
  const privateKey = privateKeyFromPem(keys.privateKey);
  let current: (RunningService & { prisma: OrdersPrisma }) | undefined;
  const startService = async (extra: Record<string, string> = {}) => {
    const runtimeEnv = { ...TEST_ENV, ...env, ...extra };
    current = await startOrdersService({ env: runtimeEnv, databaseUrl: db.connectionString, bus, logger, internalPublicKey: publicKeyFromPem(keys.publicKey), port: 0 });
  };
  await startService();
  const published: EventOf<Subject>[] = [];
  const observer = await bus.subscribe({ durable: 'test-observer', subjects: ORDER_SUBJECTS, handler: async (event) => void published.push(event as EventOf<Subject>) });
  const harness: OrdersHarness = {
    get service() {
      return current!;
    },
    bus,
    /** The running service's own client. */
    get prisma() {
      return current!.prisma;
    },
    published,
    async gql(query, variables = {}, viewer = admin) {
      const response = await fetch(`${current!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signInternalToken(viewer, privateKey) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async publish(subject, data, correlationId = randomUUID()) {
      const event = createEvent(subject, data, { correlationId });
      await bus.publish(subject, event);
      return event;
    },
    async stopService() {
      await current?.stop();
      current = undefined;
    },
    startService,
    async restart(extra) {
      await harness.stopService();
      await startService(extra);
    },
    async stop() {
      await observer.stop();
      await current?.stop();
      await bus.close();
      if (natsUrl) await deleteBusNamespace(natsUrl, namespace).catch(() => undefined);
      await db.drop();
    },
  };
  return harness;
}

/** The error codes (and fields) of a response, for compact assertions. */
export const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => ({ code: error.extensions?.code, ...(error.extensions?.field ? { field: error.extensions.field } : {}) }));

export async function waitFor<T>(check: () => Promise<T | false | null | undefined> | T | false | null | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
