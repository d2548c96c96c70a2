import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import type { Logger } from '@drobble/kit/logger';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import { applyCategory, applyProductSnapshot, applyRating, applyStock } from '../application/apply-events.ts';
import type { SearchDeps } from '../application/deps.ts';
import { TX_OPTIONS } from '../infra/prisma.ts';

const PRODUCT_SUBJECTS = ['catalog.product.created.v1', 'catalog.product.updated.v1', 'catalog.product.deleted.v1', 'catalog.category.created.v1'] as const;

/**
 * The search index is fed only by events: catalog (products, categories), inventory (stock) and
 * reviews (ratings). Each consumer is durable and idempotent (inbox); the index write commits with
 * the inbox row (PostgreSQL engine) or before it (Elasticsearch, so a failure redelivers).
 */
export async function startSearchConsumers(bus: EventBus, deps: SearchDeps, logger: Logger): Promise<Subscription[]> {
  const { prisma, engine } = deps;
  const catalog = await bus.subscribe({
    durable: 'search-catalog',
    subjects: PRODUCT_SUBJECTS,
    backoffMs: [200, 1_000, 5_000, 30_000],
    handler: (event) =>
      handleOnce(
        prisma,
        'search-catalog',
        event,
        async (tx) => {
          if (event.type === 'catalog.category.created') return applyCategory(tx, engine, event.data);
          const deleted = event.type === 'catalog.product.deleted';
          return applyProductSnapshot(tx, engine, event.data, new Date(event.occurredAt), deleted);
        },
        TX_OPTIONS,
      ),
  });
  const stock = await bus.subscribe({
    durable: 'search-stock',
    subjects: ['inventory.stock.changed.v1'],
    handler: (event) => handleOnce(prisma, 'search-stock', event, (tx) => applyStock(tx, engine, event.data), TX_OPTIONS),
  });
  const ratings = await bus.subscribe({
    durable: 'search-ratings',
    subjects: ['reviews.rating.changed.v1'],
    handler: (event) => handleOnce(prisma, 'search-ratings', event, (tx) => applyRating(tx, engine, event.data), TX_OPTIONS),
  });
  logger.debug('search consumers started');
  return [catalog, stock, ratings];
}
