import type { EventMeta } from '@drobble/schema/events';
import type { ModerationStatus } from '../domain/moderation.ts';
import type { RatingSummary } from '../domain/rating-summary.ts';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import type { Review } from '../infra/reviews.ts';
import type { Tx } from '../infra/prisma.ts';

const facts = (review: Review) => ({
  reviewId: review.id,
  productId: review.productId,
  authorId: review.authorId,
  rating: review.rating,
  verifiedPurchase: review.verifiedPurchase,
});

export function recordSubmitted(tx: Tx, review: Review, meta: EventMeta) {
  return recordEvent(tx, 'reviews.review.submitted.v1', { ...facts(review), status: review.status, submittedAt: review.createdAt.toISOString() }, meta);
}

/** reviews.review.approved / rejected: a moderator's decision, or the automatic approval (moderatorId null). */
export function recordDecision(tx: Tx, review: Review, previousStatus: ModerationStatus, moderatorId: string | null, at: Date, meta: EventMeta) {
  const data = { ...facts(review), previousStatus, moderatorId, reason: review.moderationReason, at: at.toISOString() };
  return review.status === 'APPROVED'
    ? recordEvent(tx, 'reviews.review.approved.v1', data, meta)
    : recordEvent(tx, 'reviews.review.rejected.v1', data, meta);
}

export function recordRatingChanged(tx: Tx, productId: string, rating: RatingSummary, meta: EventMeta) {
  return recordEvent(tx, 'reviews.rating.changed.v1', { productId, rating }, meta);
}
