import { z } from 'zod';
import { id } from './envelope.ts';

/**
 * Reviews events: a review's life in moderation, and the product's rating after every change of its
 * approved reviews (search consumes the rating). Ratings are whole stars 1..5.
 */

const stars = z.number().int().min(1).max(5);
const moderationStatus = z.enum(['PENDING', 'APPROVED', 'REJECTED']);

/** The product's rating over its APPROVED reviews. */
export const ratingSummary = z.object({
  /** 0 when count is 0. */
  average: z.number().min(0).max(5),
  count: z.number().int().nonnegative(),
  /** Five counts, for 1..5 stars. */
  distribution: z.array(z.number().int().nonnegative()).length(5),
});
export type RatingSummaryPayload = z.infer<typeof ratingSummary>;

const reviewFacts = {
  reviewId: id(),
  productId: id(),
  authorId: id(),
  rating: stars,
  verifiedPurchase: z.boolean(),
};

/** A review was written; `status` is PENDING, or APPROVED when verified and clean. */
export const reviewSubmittedV1 = z.object({ ...reviewFacts, status: moderationStatus, submittedAt: z.iso.datetime({ offset: false }) });

/** A moderator's decision (or the automatic approval of a verified, clean review: moderatorId null). */
const decision = z.object({
  ...reviewFacts,
  previousStatus: moderationStatus,
  moderatorId: id().nullable(),
  reason: z.string().max(500).nullable(),
  at: z.iso.datetime({ offset: false }),
});
export const reviewApprovedV1 = decision;
export const reviewRejectedV1 = decision;

/** After every change of a product's approved reviews: the whole new summary (not a diff). */
export const ratingChangedV1 = z.object({ productId: id(), rating: ratingSummary });

/** Subject -> payload schema for the reviews context. */
export const reviewsEvents = {
  'reviews.review.submitted.v1': reviewSubmittedV1,
  'reviews.review.approved.v1': reviewApprovedV1,
  'reviews.review.rejected.v1': reviewRejectedV1,
  'reviews.rating.changed.v1': ratingChangedV1,
} as const;
