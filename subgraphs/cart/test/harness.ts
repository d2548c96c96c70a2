import { createHash, randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { signInternalToken, INTERNAL_TOKEN_HEADER } from '@drobble/kit/auth/internal-token';
import { anonymousViewer, type Role, type Viewer } from '@drobble/kit/auth/viewer';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import type { RunningService } from '@drobble/kit/runtime';
import { createEvent, type PayloadOf, type Subject } from '@drobble/schema/events';
import cart from '../src/index.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { CART_SCHEMA, type CartPrisma } from '../src/infra/prisma.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface CartHarness {
  service: RunningService;
  bus: EventBus;
  /** A separate client on the cart schema, to look at (and age) rows directly. */
  prisma: CartPrisma;
  /** Calls /graphql as the gateway would, with an internal token for `viewer`. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse<T>>;
  /** Publishes an event on the bus as its owning context would. */
  publish<S extends Subject>(subject: S, data: PayloadOf<S>): Promise<string>;
  stop(): Promise<void>;
}

export const viewerWith = (...roles: Role[]): Viewer => ({ userId: randomUUID(), roles, sessionId: null });
export const anonymous = anonymousViewer;

/**
 * The test's own client on the cart schema: one connection, named prepared statements. PGlite's
 * socket server runs every connection on one backend session and queues protocol messages one by
 * one, so an unnamed statement parsed by this client while the service's pool parses another can
 * be swapped between them; named statements (unique to this client) cannot.
 */
function inspectionClient(connectionString: string): CartPrisma {
  const prefix = `t${randomUUID().slice(0, 8)}_`;
  const statementNameGenerator = (query: { sql: string }) => prefix + createHash('sha1').update(query.sql).digest('hex').slice(0, 20);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 1 }, { schema: CART_SCHEMA, statementNameGenerator }) });
}

/**
 * Starts the cart subgraph on a fresh database (PGlite by default, DATABASE_URL's server when set)
 * and a bus (in-process, or NATS_URL's JetStream in a private namespace).
 */
export async function startCart(env: Record<string, string> = {}): Promise<CartHarness> {
  const logger = createLogger('cart-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = await createTestDatabase();
  const bus = await createEventBus({ natsUrl: process.env.NATS_URL, logger, namespace: `t${randomUUID().replaceAll('-', '').slice(0, 12)}` });
  const keys = generateKeyPairPem();
  const privateKey = privateKeyFromPem(keys.privateKey);
  // On the embedded PGlite, one pooled connection keeps the service's own unnamed statements from
  // interleaving (see inspectionClient); real PostgreSQL keeps the default pool.
  const poolEnv = process.env.DATABASE_URL ? {} : { CART_DB_MAX_CONNECTIONS: '1' };
  const service = await cart.start({ env: { ...poolEnv, ...env }, databaseUrl: db.connectionString, bus, logger, internalPublicKey: publicKeyFromPem(keys.publicKey), port: 0 });
  const prisma = inspectionClient(db.connectionString);
  return {
    service,
    bus,
    prisma,
    async gql(query, variables = {}, viewer = anonymous) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signInternalToken(viewer, privateKey) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async publish(subject, data) {
      const event = createEvent(subject, data, { correlationId: `test-${randomUUID()}`, actor: null });
      await bus.publish(subject, event);
      return event.id;
    },
    async stop() {
      await service.stop();
      await prisma.$disconnect();
      await bus.close();
      await db.drop();
    },
  };
}

/** Polls until `check` returns a value other than undefined/false (events arrive asynchronously). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The error codes (and fields) of a response, for compact assertions. */
export const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => ({ code: error.extensions?.code, ...(error.extensions?.field ? { field: error.extensions.field } : {}) }));

export const CART_FIELDS = `id itemCount updatedAt subtotal { amount currency } customer { id }
  lines { quantity variant { id } unitPrice { amount currency } lineTotal { amount currency } }`;

export const ADD = `mutation ($cartId: ID, $variantId: ID!, $quantity: Int!) { addToCart(cartId: $cartId, variantId: $variantId, quantity: $quantity) { ${CART_FIELDS} } }`;
export const UPDATE = `mutation ($cartId: ID, $variantId: ID!, $quantity: Int!) { updateCartLine(cartId: $cartId, variantId: $variantId, quantity: $quantity) { ${CART_FIELDS} } }`;
export const REMOVE = `mutation ($cartId: ID, $variantId: ID!) { removeFromCart(cartId: $cartId, variantId: $variantId) { ${CART_FIELDS} } }`;
export const MERGE = `mutation ($guestCartId: ID!) { mergeGuestCart(guestCartId: $guestCartId) { ${CART_FIELDS} } }`;
export const CART = `query ($id: ID) { cart(id: $id) { ${CART_FIELDS} } }`;
