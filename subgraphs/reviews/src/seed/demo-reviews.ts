import { createHash, randomUUID } from 'node:crypto';
import type { EventMeta } from '@drobble/schema/events';
import { recordRatingChanged } from '../application/review-events.ts';
import type { RatingSummary } from '../domain/rating-summary.ts';
import { adjustRating } from '../infra/ratings.ts';
import type { Tx } from '../infra/prisma.ts';

/**
 * Demo reviews (SEED_DEMO_DATA): every demo reviewer (identity's seeded accounts) reviews about two
 * thirds of the demo products (catalog's seeded ones), approved, with a fixed rating per pair. Runs
 * whenever either side arrives, whatever the order; pairs already reviewed are skipped.
 */
const BODIES = [
  (name: string) => `The ${name} is exactly as described. Well made and arrived quickly.`,
  (name: string) => `Really happy with the ${name}. Good value for the price, would buy again.`,
  (name: string) => `Solid quality overall. The ${name} does the job, though the finish could be better.`,
  (name: string) => `I use the ${name} every day and it still looks new. Recommended.`,
];
const TITLES = ['Great buy', 'Does the job', 'Very pleased', 'Good quality', null];

const seedMeta: EventMeta = { correlationId: 'reviews-demo-seed', actor: null };

function pick(productId: string, userId: string): number {
  return createHash('sha256').update(`${productId}:${userId}`).digest().readUInt32BE(0);
}

export async function seedDemoReviews(tx: Tx, where: { productId: string } | { userId: string }): Promise<number> {
  const products = await tx.reviewableProduct.findMany({ where: { demo: true, live: true, ...('productId' in where ? { id: where.productId } : {}) } });
  const reviewers = await tx.demoReviewer.findMany({ where: 'userId' in where ? { userId: where.userId } : {} });
  let created = 0;
  for (const product of products) {
    let summary: RatingSummary | null = null;
    for (const reviewer of reviewers) {
      const n = pick(product.id, reviewer.userId);
      if (n % 3 === 0) continue;
      const key = { productId: product.id, authorId: reviewer.userId };
      if (await tx.review.findUnique({ where: { productId_authorId: key } })) continue;
      const rating = [5, 4, 5, 3, 4, 5, 2][n % 7]!;
      await tx.review.create({
        data: { id: randomUUID(), ...key, rating, title: TITLES[n % TITLES.length]!, body: BODIES[n % BODIES.length]!(product.name), verifiedPurchase: false, status: 'APPROVED' },
      });
      summary = await adjustRating(tx, product.id, rating, 1);
      created += 1;
    }
    if (summary) await recordRatingChanged(tx, product.id, summary, seedMeta);
  }
  return created;
}
