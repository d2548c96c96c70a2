import { handleOnce } from '@drobble/kit/outbox/inbox';
import type { EventOf } from '@drobble/schema/events';
import { appendMovements, discontinueProduct, upsertVariants } from '../infra/stock-repository.ts';
import { causedBy, TX_OPTIONS, type InventoryDeps } from './deps.ts';
import { recordStockChanges } from './stock-events.ts';

export const CATALOG_CONSUMER = 'inventory-catalog-products';
export const catalogSubjects = ['catalog.product.created.v1', 'catalog.product.updated.v1', 'catalog.product.deleted.v1'] as const;
type CatalogEvent = EventOf<(typeof catalogSubjects)[number]>;

/**
 * Learns variants from the catalog. created: each variant starts with its initialStock (INITIAL
 * movement + stock.changed); updated: variants added since start at 0; deleted: the variants are
 * discontinued (no more reservations). A variant already known keeps its stock, so a redelivered
 * or reordered event changes nothing.
 */
export async function syncCatalogProduct(deps: InventoryDeps, event: CatalogEvent): Promise<boolean> {
  const product = event.data;
  const done = await handleOnce(deps.prisma, CATALOG_CONSUMER, event, async (tx) => {
    if (event.type === 'catalog.product.deleted') {
      await discontinueProduct(tx, product.id);
      return;
    }
    const variants = product.variants.map((variant) => ({
      variantId: variant.id,
      productId: product.id,
      sku: variant.sku,
      initialStock: 'initialStock' in variant ? (variant.initialStock ?? 0) : 0,
    }));
    const created = await upsertVariants(tx, variants, deps.defaultLowStockThreshold);
    await appendMovements(tx, created.map((item) => ({ variantId: item.variantId, onHandDelta: item.onHand, reservedDelta: 0, reason: 'INITIAL' })));
    await recordStockChanges(tx, created, 'INITIAL', causedBy(event));
  }, TX_OPTIONS);
  if (done) deps.eventsRecorded?.();
  return done;
}
