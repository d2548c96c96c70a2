import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import { emptyCartAfterOrder } from '../application/order-placed.ts';
import { TX_OPTIONS, type CartDeps } from '../application/deps.ts';
import { applyProductSnapshot, applyStockLevel, seedInitialStock } from '../infra/catalog-projection.ts';

/** Durable consumer names (also the inbox's consumer keys). */
export const CONSUMERS = {
  products: 'cart-catalog-products',
  stock: 'cart-inventory-stock',
  ordersPlaced: 'cart-orders-placed',
} as const;

/**
 * The cart's consumers: catalog products and inventory stock into its projections (lines are
 * validated against them, never by calling other subgraphs), and placed orders that empty carts.
 * Each handler is idempotent (inbox) and runs in one transaction.
 */
export async function startCartConsumers(bus: EventBus, deps: CartDeps): Promise<Subscription[]> {
  const { prisma } = deps;
  const products = await bus.subscribe({
    durable: CONSUMERS.products,
    subjects: ['catalog.product.created.v1', 'catalog.product.updated.v1', 'catalog.product.deleted.v1'],
    handler: (event, meta) =>
      handleOnce(prisma, CONSUMERS.products, event, async (tx) => {
        await applyProductSnapshot(tx, event.data, meta.subject === 'catalog.product.deleted.v1');
        if (event.type === 'catalog.product.created') await seedInitialStock(tx, event.data);
      }, TX_OPTIONS),
  });
  const stock = await bus.subscribe({
    durable: CONSUMERS.stock,
    subjects: ['inventory.stock.changed.v1'],
    handler: (event) => handleOnce(prisma, CONSUMERS.stock, event, async (tx) => void (await applyStockLevel(tx, event.data)), TX_OPTIONS),
  });
  const orders = await bus.subscribe({
    durable: CONSUMERS.ordersPlaced,
    subjects: ['orders.order.placed.v1'],
    handler: async (event) => {
      const done = await handleOnce(prisma, CONSUMERS.ordersPlaced, event, (tx) => emptyCartAfterOrder(tx, deps, event), TX_OPTIONS);
      if (done) deps.eventsRecorded?.();
    },
  });
  return [products, stock, orders];
}
