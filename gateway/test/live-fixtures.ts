import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { signAccessToken } from '@drobble/kit/auth/access-token';
import { hasRole } from '@drobble/kit/auth/guards';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import type { Role } from '@drobble/kit/auth/viewer';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { DomainError, ErrorCode } from '@drobble/kit/errors';
import { createLogger } from '@drobble/kit/logger';
import type { RequestContext } from '@drobble/kit/server/request-context';
import { startSubgraphServer, type RunningSubgraph } from '@drobble/kit/server/subgraph-server';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import type { RunningService } from '@drobble/kit/runtime';
import { createEvent } from '@drobble/schema/events';
import partnersModule from '@drobble/partners';
import { startGateway, type RunningGateway } from '../src/index.ts';

/** The trusted documents of the test manifest, by name; `documentId` gives their persisted ids. */
export const partnerDocuments = {
  productName: 'query ProductName($id: ID!) { product(id: $id) { name } }',
  orderStatus: 'query OrderStatus($id: ID!) { order(id: $id) { status } }',
};
export const documentId = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A test supergraph for live features: orders (Order, orderUpdated), payments (Order.payment) and
 * catalog (Product, stockChanged, Order lines' products), all answering from memory, and a real bus
 * (in-process, or NATS when NATS_URL is set) on which the test publishes the real event contracts.
 */
const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const ordersSdl = `${link}
  type Query { order(id: ID!): Order }
  type Subscription { orderUpdated(orderId: ID!): Order! }
  type Order @key(fields: "id") { id: ID!, status: String!, customer: User, lines: [OrderLine!]! }
  type OrderLine { quantity: Int!, product: Product! }
  type User @key(fields: "id", resolvable: false) { id: ID! }
  type Product @key(fields: "id", resolvable: false) { id: ID! }
`;
const analyticsSdl = `${link}
  type Query { dashboard: Dashboard! }
  type Subscription { dashboardUpdated: Dashboard! }
  type Dashboard { ordersToday: Int! }
`;
const paymentsSdl = `${link}
  type Order @key(fields: "id") { id: ID!, payment: Payment }
  type Payment { status: String! }
`;
const catalogSdl = `${link}
  type Query { product(id: ID!): Product, products(pageSize: Int = 20): [Product!]! }
  type Subscription { stockChanged(productId: ID!): Product! }
  type Product @key(fields: "id") { id: ID!, name: String!, available: Int!, related(pageSize: Int = 20): [Product!]! }
`;

export interface FakeOrder { id: string; status: string; customerId: string | null; productIds: string[]; paymentStatus: string }
export interface FakeProduct { id: string; name: string; available: number }

export interface LivePlatform {
  gateway: RunningGateway;
  bus: EventBus;
  namespace: string;
  orders: Map<string, FakeOrder>;
  products: Map<string, FakeProduct>;
  /** Entity fetches the payments subgraph answered (cross-subgraph resolution happened). */
  paymentFetches: () => number;
  /** Root fields the catalog subgraph resolved (a refused query must leave it at zero). */
  catalogCalls: () => number;
  token(options?: { roles?: Role[]; userId?: string; sessionId?: string; ttlSeconds?: number }): Promise<string>;
  client(token?: string, extra?: Partial<Parameters<typeof createClient>[0]>): Client;
  publishStatus(order: FakeOrder, to: string): Promise<void>;
  publishStock(product: FakeProduct): Promise<void>;
  /** Another gateway replica on the same subgraphs and bus. */
  startReplica(): Promise<RunningGateway>;
  stop(): Promise<void>;
}

export interface LivePlatformOptions {
  /** Defaults to NATS_URL (the in-process bus when unset). */
  natsUrl?: string;
  /** Also run the real partners subgraph (own test database) in the supergraph. */
  partners?: boolean;
}

export async function startLivePlatform(env: Record<string, string> = {}, options: LivePlatformOptions = {}): Promise<LivePlatform> {
  const logger = createLogger('gateway-live-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const namespace = `gwlive${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const bus = await createEventBus({ natsUrl: options.natsUrl ?? process.env.NATS_URL, logger, namespace });
  const internalKeys = generateKeyPairPem();
  const accessKeys = generateKeyPairPem();
  const orders = new Map<string, FakeOrder>();
  const products = new Map<string, FakeProduct>();
  let paymentFetches = 0;
  let catalogCalls = 0;
  const resolvers = {
    orders: {
      Query: {
        order: (_: unknown, { id }: { id: string }, ctx: RequestContext) => {
          const order = orders.get(id);
          if (!order || (order.customerId !== ctx.viewer.userId && !hasRole(ctx.viewer, 'ADMIN', 'SUPPORT'))) throw new DomainError(ErrorCode.NOT_FOUND, 'Order not found');
          return order;
        },
      },
      Order: {
        customer: (order: FakeOrder) => (order.customerId ? { id: order.customerId } : null),
        lines: (order: FakeOrder) => order.productIds.map((id) => ({ quantity: 1, product: { id } })),
      },
    },
    payments: {
      Order: {
        __resolveReference: (ref: { id: string }) => {
          paymentFetches++;
          return { id: ref.id, payment: { status: orders.get(ref.id)?.paymentStatus ?? 'NONE' } };
        },
      },
    },
    analytics: { Query: { dashboard: () => ({ ordersToday: orders.size }) } },
    catalog: {
      Query: {
        product: (_: unknown, { id }: { id: string }) => (catalogCalls++, products.get(id) ?? null),
        products: (_: unknown, { pageSize }: { pageSize: number }) => (catalogCalls++, [...products.values()].slice(0, pageSize)),
      },
      Product: {
        __resolveReference: (ref: { id: string }) => products.get(ref.id) ?? null,
        related: () => [],
      },
    },
  };
  const sdls = { orders: ordersSdl, payments: paymentsSdl, catalog: catalogSdl, analytics: analyticsSdl };
  const subgraphs: Record<string, RunningSubgraph> = {};
  for (const [name, sdl] of Object.entries(sdls)) {
    subgraphs[name] = await startSubgraphServer({
      name,
      schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers[name as keyof typeof resolvers] as never }]),
      port: 0,
      logger,
      internalPublicKey: publicKeyFromPem(internalKeys.publicKey),
      readiness: {},
      createContext: (base) => base,
    });
  }
  const folder = await mkdtemp(join(tmpdir(), 'drobble-live-'));
  const manifestPath = join(folder, 'persisted-documents.json');
  await writeFile(manifestPath, JSON.stringify(Object.fromEntries(Object.values(partnerDocuments).map((text) => [documentId(text), text]))));
  const urls: Record<string, string> = Object.fromEntries(Object.entries(subgraphs).map(([name, running]) => [name, running.graphqlUrl]));
  const allSdls: Record<string, string> = { ...sdls };
  const database = options.partners ? await createTestDatabase() : undefined;
  let partners: RunningService | undefined;
  if (database) {
    const internalPublicKey = publicKeyFromPem(internalKeys.publicKey);
    partners = await partnersModule.start({ env: { PERSISTED_DOCUMENTS_PATH: manifestPath }, databaseUrl: database.connectionString, bus, logger, internalPublicKey, port: 0 });
    urls.partners = `${partners.url}/graphql`;
    allSdls.partners = readFileSync(partnersModule.schemaPath, 'utf8');
  }
  const composed = composeServices(Object.entries(allSdls).map(([name, sdl]) => ({ name, typeDefs: parse(sdl), url: 'http://127.0.0.1:9/graphql' })));
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const supergraphPath = join(folder, 'supergraph.graphql');
  await writeFile(supergraphPath, composed.supergraphSdl);
  const gatewayOptions = {
    logger,
    bus,
    env: {
      PORT: '0',
      NODE_ENV: 'test',
      SUPERGRAPH_PATH: supergraphPath,
      ACCESS_TOKEN_PUBLIC_KEY: accessKeys.publicKey,
      INTERNAL_TOKEN_PRIVATE_KEY: internalKeys.privateKey,
      READY_CACHE_MS: '0',
      PERSISTED_DOCUMENTS_PATH: manifestPath,
      PARTNER_USAGE_FLUSH_MS: '200',
      ...Object.fromEntries(Object.entries(urls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url])),
      ...env,
    },
  };
  const gateway = await startGateway(gatewayOptions);
  const replicas: RunningGateway[] = [];
  const wsUrl = gateway.graphqlUrl.replace(/^http/, 'ws');
  const clients: Client[] = [];
  return {
    gateway,
    bus,
    namespace,
    orders,
    products,
    paymentFetches: () => paymentFetches,
    catalogCalls: () => catalogCalls,
    token: async ({ roles = ['CUSTOMER'] as Role[], userId = randomUUID(), sessionId = randomUUID(), ttlSeconds = 300 } = {}) =>
      (await signAccessToken({ userId, roles, sessionId }, privateKeyFromPem(accessKeys.privateKey), ttlSeconds)).token,
    client(token, extra = {}) {
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => {}, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, ...extra });
      clients.push(client);
      return client;
    },
    async publishStatus(order, to) {
      const from = order.status;
      order.status = to;
      const data = { orderId: order.id, number: 'ORD-20261123-ABCDE', customerId: order.customerId, email: 'a@example.com', currency: 'USD', from: from as never, to: to as never, reason: null, total: 1000, at: new Date().toISOString() };
      await bus.publish('orders.order.status_changed.v1', createEvent('orders.order.status_changed.v1', data, { correlationId: randomUUID() }));
    },
    async publishStock(product) {
      const data = { variantId: randomUUID(), productId: product.id, onHand: product.available, reserved: 0, available: product.available, lowStock: false, reason: 'ADJUSTMENT' };
      await bus.publish('inventory.stock.changed.v1', createEvent('inventory.stock.changed.v1', data, { correlationId: randomUUID() }));
    },
    async startReplica() {
      const replica = await startGateway(gatewayOptions);
      replicas.push(replica);
      return replica;
    },
    async stop() {
      await Promise.all(clients.map((client) => client.dispose()));
      await Promise.all([gateway, ...replicas].map((running) => running.stop()));
      await Promise.all(Object.values(subgraphs).map((running) => running.stop()));
      await partners?.stop();
      await database?.drop();
      await bus.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Collects what a graphql-ws subscription yields; `done` settles with the error or on completion. */
export function collect<T = unknown>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }[] = [];
  let errors: unknown;
  let completed = false;
  const unsubscribe = client.subscribe<T>({ query, variables }, {
    next: (value) => void results.push(value as never),
    error: (error) => {
      errors = error;
    },
    complete: () => {
      completed = true;
    },
  });
  return { results, unsubscribe, error: () => errors, completed: () => completed };
}
