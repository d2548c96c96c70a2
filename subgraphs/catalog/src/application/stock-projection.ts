import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import { applyStockChange } from '../infra/stock-projection.ts';
import type { CatalogDeps } from './deps.ts';

export const STOCK_PROJECTION_CONSUMER = 'catalog-stock-projection';

/** Keeps catalog's variant_stock projection in step with inventory.stock.changed.v1 (idempotent via the inbox). */
export function startStockProjection(bus: EventBus, deps: CatalogDeps): Promise<Subscription> {
  return bus.subscribe({
    durable: STOCK_PROJECTION_CONSUMER,
    subjects: ['inventory.stock.changed.v1'],
    handler: (event) => handleOnce(deps.prisma, STOCK_PROJECTION_CONSUMER, event, (tx) => applyStockChange(tx, event.data)),
  });
}
