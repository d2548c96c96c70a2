import { requireRole } from '@drobble/kit/auth/guards';
import { conflict, notFound } from '@drobble/kit/errors';
import { approvedDelta, nextStatus, type ModerationDecision } from '../domain/moderation.ts';
import { parseId, parseReason } from '../domain/review-input.ts';
import { adjustRating } from '../infra/ratings.ts';
import { TX_OPTIONS } from '../infra/prisma.ts';
import { toReview, type Review } from '../infra/reviews.ts';
import { metaOf, type Caller, type ReviewsDeps } from './deps.ts';
import { recordDecision, recordRatingChanged } from './review-events.ts';

export interface ModerateReviewArgs {
  id: string;
  decision: ModerationDecision;
  reason?: string | null;
}

/**
 * Mutation.moderateReview (ADMIN): PENDING -> APPROVED/REJECTED, or a change of mind later. The
 * status change (compare-and-set on the status read), the rating summary and the events commit in
 * one transaction, so two moderators deciding at once change the summary once (the other: CONFLICT).
 */
export async function moderateReview(deps: ReviewsDeps, caller: Caller, args: ModerateReviewArgs): Promise<Review> {
  const moderator = requireRole(caller.viewer, 'ADMIN');
  const id = parseId('id', args.id);
  const reason = parseReason(args.decision, args.reason);
  const meta = metaOf(caller);
  const review = await deps.prisma.$transaction(async (tx) => {
    const current = await tx.review.findUnique({ where: { id } });
    if (!current) throw notFound('Review');
    const status = nextStatus(current.status, args.decision);
    const at = new Date();
    const { count } = await tx.review.updateMany({
      where: { id, status: current.status },
      data: { status, moderationReason: reason, moderatedBy: moderator.userId, moderatedAt: at },
    });
    if (count === 0) throw conflict('The review was moderated meanwhile; reload it');
    const decided = toReview({ ...current, status, moderationReason: reason });
    await recordDecision(tx, decided, current.status, moderator.userId, at, meta);
    const delta = approvedDelta(current.status, status);
    if (delta !== 0) await recordRatingChanged(tx, decided.productId, await adjustRating(tx, decided.productId, decided.rating, delta), meta);
    return decided;
  }, TX_OPTIONS);
  deps.eventsRecorded?.();
  return review;
}
