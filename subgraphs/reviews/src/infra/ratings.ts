import { counterDelta, toRatingSummary, type RatingSummary } from '../domain/rating-summary.ts';
import type { Db, Tx } from './prisma.ts';

/**
 * Moves one review into (+1) or out of (-1) its product's approved counters: an atomic upsert
 * (INSERT ... ON CONFLICT DO UPDATE with increments), on the moderation's own transaction.
 */
export async function adjustRating(tx: Tx, productId: string, rating: number, delta: 1 | -1): Promise<RatingSummary> {
  const d = counterDelta(rating, delta);
  const row = await tx.ratingSummary.upsert({
    where: { productId },
    create: { productId, ...d },
    update: {
      count: { increment: d.count },
      sum: { increment: d.sum },
      stars1: { increment: d.stars1 },
      stars2: { increment: d.stars2 },
      stars3: { increment: d.stars3 },
      stars4: { increment: d.stars4 },
      stars5: { increment: d.stars5 },
    },
  });
  return toRatingSummary(row);
}

/** Summaries of many products in one query (missing ones are empty). */
export async function ratingsOf(db: Db, productIds: readonly string[]): Promise<Map<string, RatingSummary>> {
  const rows = await db.ratingSummary.findMany({ where: { productId: { in: [...productIds] } } });
  const byId = new Map(rows.map((row) => [row.productId, toRatingSummary(row)]));
  return new Map(productIds.map((id) => [id, byId.get(id) ?? toRatingSummary(null)]));
}
