import { parsePaging, type PageArgs } from '@drobble/kit/paging';
import type { RatingSummary } from '../domain/rating-summary.ts';
import type { ReviewsPrisma } from '../infra/prisma.ts';
import { ratingsOf } from '../infra/ratings.ts';
import { approvedPages, toReview, type Review } from '../infra/reviews.ts';
import type { ReviewPage } from './list-reviews.ts';

/**
 * Collects the keys asked for in one tick and loads them with one call (the gateway's _entities
 * fetch resolves every product's rating / reviews in the same tick). Per request.
 */
function batcher<V>(load: (keys: string[]) => Promise<Map<string, V>>): (key: string) => Promise<V> {
  let pending: Map<string, { resolve: (value: V) => void; reject: (error: unknown) => void }[]> | null = null;
  const flush = async (batch: NonNullable<typeof pending>) => {
    try {
      const values = await load([...batch.keys()]);
      for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(values.get(key) as V);
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  };
  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (!pending) {
        const batch = (pending = new Map());
        setImmediate(() => {
          pending = null;
          void flush(batch);
        });
      }
      const waiters = pending.get(key) ?? [];
      waiters.push({ resolve, reject });
      pending.set(key, waiters);
    });
}

export interface ReviewsLoaders {
  rating(productId: string): Promise<RatingSummary>;
  /** Approved reviews of a product, newest first; one query per distinct (page, pageSize) per tick. */
  productReviews(productId: string, args: PageArgs): Promise<ReviewPage>;
  review(id: string): Promise<Review | null>;
}

export function createLoaders(prisma: ReviewsPrisma): ReviewsLoaders {
  const rating = batcher((ids) => ratingsOf(prisma, ids));
  const review = batcher(async (ids) => {
    const rows = await prisma.review.findMany({ where: { id: { in: ids } } });
    return new Map(rows.map((row) => [row.id, toReview(row)]));
  });
  const pages = new Map<string, (productId: string) => Promise<Review[]>>();
  return {
    rating,
    review: async (id) => (await review(id)) ?? null,
    async productReviews(productId, args) {
      const paging = parsePaging(args.page, args.pageSize);
      const key = `${paging.page}:${paging.pageSize}`;
      let load = pages.get(key);
      if (!load) {
        load = batcher((ids) => approvedPages(prisma, ids, paging.skip, paging.pageSize));
        pages.set(key, load);
      }
      // The approved count is the summary's count: no COUNT query.
      const [items, summary] = await Promise.all([load(productId), rating(productId)]);
      return { items, pageInfo: { page: paging.page, pageSize: paging.pageSize, total: summary.count } };
    },
  };
}
