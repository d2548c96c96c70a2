import { recordEvent } from '@drobble/kit/outbox/record-event';
import type { EventMeta } from '@drobble/schema/events';
import { availableOf, isLowStock, type StockItem } from '../domain/stock.ts';
import type { Db } from '../infra/prisma.ts';

/** One inventory.stock.changed.v1 per changed variant, in the caller's transaction. */
export async function recordStockChanges(tx: Db, items: Iterable<StockItem>, reason: string, meta: EventMeta): Promise<void> {
  for (const item of items) {
    await recordEvent(tx, 'inventory.stock.changed.v1', {
      variantId: item.variantId,
      productId: item.productId,
      onHand: item.onHand,
      reserved: item.reserved,
      available: availableOf(item),
      lowStock: isLowStock(item),
      reason: reason.slice(0, 200),
      sequence: item.version,
    }, meta);
  }
}
