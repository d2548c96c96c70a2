import { randomUUID } from 'node:crypto';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@drobble/kit/auth/internal-token';
import type { Role, Viewer } from '@drobble/kit/auth/viewer';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { createTestDatabase, type TestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import type { RunningService } from '@drobble/kit/runtime';
import { createEvent, type EventOf, type PayloadOf, type Subject } from '@drobble/schema/events';
import inventory from '../src/index.ts';
import { createInventoryPrisma, type InventoryPrisma } from '../src/infra/prisma.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export const viewerWith = (...roles: Role[]): Viewer => ({ userId: randomUUID(), roles, sessionId: null });
export const admin = viewerWith('ADMIN');
export const customer = viewerWith('CUSTOMER');

const inventorySubjects = ['inventory.stock.changed.v1', 'inventory.reservation.confirmed.v1', 'inventory.reservation.rejected.v1', 'inventory.reservation.released.v1'] as const;
type InventoryEvent = EventOf<(typeof inventorySubjects)[number]>;

export interface InventoryHarness {
  service: RunningService;
  bus: EventBus;
  databaseUrl: string;
  prisma: InventoryPrisma;
  /** Every inventory.* event published so far (relayed from the outbox over the bus). */
  received: InventoryEvent[];
  publish<S extends Subject>(subject: S, data: PayloadOf<S>, correlationId?: string): Promise<EventOf<S>>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse<T>>;
  /** Publishes catalog.product.created.v1 for a product with these variants' initial stock; waits until inventory has them. */
  product(stocks: number[]): Promise<{ productId: string; variantIds: string[] }>;
  stop(): Promise<void>;
}

/** Polls `check` until it stops throwing. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 30_000): Promise<T> {
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

/** Starts inventory on a fresh database (PGlite, or DATABASE_URL's server) and a bus (in-process, or NATS_URL in a private namespace). */
export async function startInventory(env: Record<string, string> = {}): Promise<InventoryHarness> {
  const logger = createLogger('inventory-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const db: TestDatabase = await createTestDatabase();
  const bus = await createEventBus({ natsUrl: process.env.NATS_URL, logger, namespace: `t${randomUUID().replaceAll('-', '').slice(0, 12)}` });
  const keys = generateKeyPairPem();
  const privateKey = privateKeyFromPem(keys.privateKey);
  const service = await inventory.start({ env, databaseUrl: db.connectionString, bus, logger, internalPublicKey: publicKeyFromPem(keys.publicKey), port: 0 });
  const prisma = createInventoryPrisma(db.connectionString);
  const received: InventoryEvent[] = [];
  await bus.subscribe({ durable: 'inventory-test-listener', subjects: inventorySubjects, handler: async (event) => void received.push(event) });
  const publish: InventoryHarness['publish'] = async (subject, data, correlationId = randomUUID()) => {
    const event = createEvent(subject, data, { correlationId, actor: null });
    await bus.publish(subject, event);
    return event;
  };
  return {
    service,
    bus,
    databaseUrl: db.connectionString,
    prisma,
    received,
    publish,
    async gql(query, variables = {}, viewer = admin) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signInternalToken(viewer, privateKey) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async product(stocks) {
      const productId = randomUUID();
      const variants = stocks.map((initialStock, index) => ({ id: randomUUID(), sku: `SKU-${productId.slice(0, 8)}-${index}`, name: `V${index}`, price: 1000, options: [], initialStock }));
      await publish('catalog.product.created.v1', {
        id: productId, slug: `p-${productId}`, name: 'Test product', description: '', categoryId: null, active: true, featured: false,
        currency: 'USD', attributes: [], images: [], variants, version: 1,
      });
      await eventually(async () => {
        if ((await prisma.stockItem.count({ where: { productId } })) !== stocks.length) throw new Error('variants not known yet');
      });
      return { productId, variantIds: variants.map((variant) => variant.id) };
    },
    async stop() {
      await service.stop();
      await prisma.$disconnect();
      await bus.close();
      await db.drop();
    },
  };
}

/** Events of one type for one order. */
export const eventsFor = <T extends InventoryEvent['type']>(h: InventoryHarness, type: T, orderId: string) =>
  h.received.filter((event): event is Extract<InventoryEvent, { type: T }> => event.type === type && (event.data as { orderId?: string }).orderId === orderId);

export const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => ({ code: error.extensions?.code, ...(error.extensions?.field ? { field: error.extensions.field } : {}) }));

/** The payloads of inventory.stock.changed.v1 received so far, oldest first. */
export const stockChanges = (h: InventoryHarness) =>
  h.received.filter((event): event is Extract<InventoryEvent, { type: 'inventory.stock.changed' }> => event.type === 'inventory.stock.changed').map((event) => event.data);
