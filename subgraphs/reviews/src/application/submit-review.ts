import { randomUUID } from 'node:crypto';
import { requireSignedIn } from '@drobble/kit/auth/guards';
import { conflict, notFound } from '@drobble/kit/errors';
import { checkClean } from '../domain/clean-text.ts';
import { initialStatus } from '../domain/moderation.ts';
import { parseReviewInput } from '../domain/review-input.ts';
import { adjustRating } from '../infra/ratings.ts';
import { TX_OPTIONS, isUniqueViolation } from '../infra/prisma.ts';
import { toReview, type Review } from '../infra/reviews.ts';
import { metaOf, type Caller, type ReviewsDeps } from './deps.ts';
import { recordDecision, recordRatingChanged, recordSubmitted } from './review-events.ts';

export interface SubmitReviewArgs {
  productId: string;
  rating: number;
  title?: string | null;
  body: string;
}

const ALREADY = 'You have already reviewed this product';

/**
 * Mutation.submitReview: one review per user per product (CONFLICT otherwise, the unique index
 * decides races). Verified purchasers with clean text are published at once (rating updated in
 * the same transaction); everyone else waits in the moderation queue.
 */
export async function submitReview(deps: ReviewsDeps, caller: Caller, args: SubmitReviewArgs): Promise<Review> {
  const author = requireSignedIn(caller.viewer);
  const draft = parseReviewInput(args);
  const meta = metaOf(caller);
  const review = await deps.prisma
    .$transaction(async (tx) => {
      const product = await tx.reviewableProduct.findUnique({ where: { id: draft.productId } });
      if (!product?.live) throw notFound('Product');
      if (await tx.review.findUnique({ where: { productId_authorId: { productId: draft.productId, authorId: author.userId } } })) throw conflict(ALREADY);
      const verifiedPurchase = (await tx.purchase.count({ where: { customerId: author.userId, productId: draft.productId } })) > 0;
      const check = checkClean(draft.title, draft.body);
      const status = initialStatus(verifiedPurchase, check.clean);
      const heldBecause = status === 'PENDING' ? (check.reason ?? 'not a verified purchase') : null;
      const row = await tx.review.create({
        data: { id: randomUUID(), ...draft, authorId: author.userId, verifiedPurchase, status, moderationReason: heldBecause },
      });
      const created = toReview(row);
      await recordSubmitted(tx, created, meta);
      if (status === 'APPROVED') {
        await recordDecision(tx, created, 'PENDING', null, row.createdAt, meta);
        await recordRatingChanged(tx, created.productId, await adjustRating(tx, created.productId, created.rating, 1), meta);
      }
      return created;
    }, TX_OPTIONS)
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict(ALREADY) : error;
    });
  deps.eventsRecorded?.();
  return review;
}
