import { randomUUID } from 'node:crypto';
import { startSubgraphHarness, viewerWith, type GraphQLResponse, type SubgraphHarness } from '@drobble/kit/testing/subgraph-harness';
import type { EventOf, PayloadOf, Subject } from '@drobble/schema/events';
import inventory from '../src/index.ts';
import { createInventoryPrisma, type InventoryPrisma } from '../src/infra/prisma.ts';

export { viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';
export const admin = viewerWith('ADMIN');
export const customer = viewerWith('CUSTOMER');

const inventorySubjects = ['inventory.stock.changed.v1', 'inventory.reservation.confirmed.v1', 'inventory.reservation.rejected.v1', 'inventory.reservation.released.v1'] as const;
type InventoryEvent = EventOf<(typeof inventorySubjects)[number]>;

export interface InventoryHarness extends Omit<SubgraphHarness<InventoryPrisma>, 'publish'> {
  databaseUrl: string;
  /** Every inventory.* event published so far (relayed from the outbox over the bus). */
  received: InventoryEvent[];
  publish<S extends Subject>(subject: S, data: PayloadOf<S>, correlationId?: string): Promise<EventOf<S>>;
  /** Publishes catalog.product.created.v1 for a product with these variants' initial stock; waits until inventory has them. */
  product(stocks: number[]): Promise<{ productId: string; variantIds: string[] }>;
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

/** Starts inventory on a fresh database (PGlite, or DATABASE_URL's server) and a bus (in-process, or NATS_URL in a private namespace); gql calls as `admin`. */
export async function startInventory(env: Record<string, string> = {}): Promise<InventoryHarness> {
  const harness = await startSubgraphHarness(inventory, { env, defaultViewer: admin, createPrisma: createInventoryPrisma });
  const received: InventoryEvent[] = [];
  await harness.bus.subscribe({ durable: 'inventory-test-listener', subjects: inventorySubjects, handler: async (event) => void received.push(event) });
  const publish: InventoryHarness['publish'] = (subject, data, correlationId = randomUUID()) => harness.publish(subject, data, { correlationId });
  return {
    ...harness,
    databaseUrl: harness.db.connectionString,
    received,
    publish,
    async product(stocks) {
      const productId = randomUUID();
      const variants = stocks.map((initialStock, index) => ({ id: randomUUID(), sku: `SKU-${productId.slice(0, 8)}-${index}`, name: `V${index}`, price: 1000, options: [], initialStock }));
      await publish('catalog.product.created.v1', {
        id: productId, slug: `p-${productId}`, name: 'Test product', description: '', categoryId: null, active: true, featured: false,
        currency: 'USD', attributes: [], images: [], variants, version: 1,
      });
      await eventually(async () => {
        if ((await harness.prisma.stockItem.count({ where: { productId } })) !== stocks.length) throw new Error('variants not known yet');
      });
      return { productId, variantIds: variants.map((variant) => variant.id) };
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
