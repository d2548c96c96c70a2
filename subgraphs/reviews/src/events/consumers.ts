import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import { applyOrderPaid, applyProduct } from '../application/apply-events.ts';
import { TX_OPTIONS, type ReviewsPrisma } from '../infra/prisma.ts';
import { seedDemoReviews } from '../seed/demo-reviews.ts';

/** Catalog's demo seed and identity's demo seed mark their events with these correlation ids. */
const CATALOG_DEMO_CORRELATION = 'catalog-demo-seed';
const IDENTITY_DEMO_CORRELATION_PREFIX = 'seed-';

export interface ConsumerOptions {
  prisma: ReviewsPrisma;
  seedDemoData: boolean;
  /** Called after a commit that recorded events (demo ratings). */
  eventsRecorded?: () => void;
}

/**
 * What reviews learns from others: products (catalog), purchases (orders.order.paid, for verified
 * purchases) and, with SEED_DEMO_DATA, the demo shoppers (identity). Durable, idempotent (inbox).
 */
export async function startReviewsConsumers(bus: EventBus, options: ConsumerOptions): Promise<Subscription[]> {
  const { prisma, seedDemoData } = options;
  const products = await bus.subscribe({
    durable: 'reviews-products',
    subjects: ['catalog.product.created.v1', 'catalog.product.updated.v1', 'catalog.product.deleted.v1'],
    handler: async (event) => {
      const demo = seedDemoData && event.type === 'catalog.product.created' && event.correlationId === CATALOG_DEMO_CORRELATION;
      let seeded = 0;
      await handleOnce(prisma, 'reviews-products', event, async (tx) => {
        const changed = await applyProduct(tx, event.data, event.type === 'catalog.product.deleted', demo);
        if (changed && demo) seeded = await seedDemoReviews(tx, { productId: event.data.id });
      }, TX_OPTIONS);
      if (seeded > 0) options.eventsRecorded?.();
    },
  });
  const purchases = await bus.subscribe({
    durable: 'reviews-purchases',
    subjects: ['orders.order.paid.v1'],
    handler: (event) => handleOnce(prisma, 'reviews-purchases', event, (tx) => applyOrderPaid(tx, event.data), TX_OPTIONS),
  });
  const subscriptions = [products, purchases];
  if (seedDemoData) {
    subscriptions.push(
      await bus.subscribe({
        durable: 'reviews-demo-reviewers',
        subjects: ['identity.user.registered.v1'],
        handler: async (event) => {
          if (!event.correlationId.startsWith(IDENTITY_DEMO_CORRELATION_PREFIX) || !event.data.email.endsWith('@drobble.dev')) return;
          let seeded = 0;
          await handleOnce(prisma, 'reviews-demo-reviewers', event, async (tx) => {
            await tx.demoReviewer.upsert({ where: { userId: event.data.userId }, create: { userId: event.data.userId, firstName: event.data.firstName ?? '' }, update: {} });
            seeded = await seedDemoReviews(tx, { userId: event.data.userId });
          }, TX_OPTIONS);
          if (seeded > 0) options.eventsRecorded?.();
        },
      }),
    );
  }
  return subscriptions;
}
