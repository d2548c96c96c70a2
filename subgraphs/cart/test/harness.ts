import { createHash, randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@drobble/kit/testing/subgraph-harness';
import type { PayloadOf, Subject } from '@drobble/schema/events';
import cart from '../src/index.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { CART_SCHEMA, type CartPrisma } from '../src/infra/prisma.ts';

export { viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';

/** The kit's harness on the cart (`prisma` is a separate client to look at, and age, rows directly); gql calls as anonymous by default. */
export interface CartHarness extends Omit<SubgraphHarness<CartPrisma>, 'publish'> {
  /** Publishes an event on the bus as its owning context would; resolves with the event's id. */
  publish<S extends Subject>(subject: S, data: PayloadOf<S>): Promise<string>;
}

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
  // On the embedded PGlite, one pooled connection keeps the service's own unnamed statements from
  // interleaving (see inspectionClient); real PostgreSQL keeps the default pool.
  const poolEnv: Record<string, string> = process.env.DATABASE_URL ? {} : { CART_DB_MAX_CONNECTIONS: '1' };
  const harness = await startSubgraphHarness(cart, { env: { ...poolEnv, ...env }, defaultViewer: anonymous, createPrisma: inspectionClient });
  return { ...harness, publish: async (subject, data) => (await harness.publish(subject, data)).id };
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
