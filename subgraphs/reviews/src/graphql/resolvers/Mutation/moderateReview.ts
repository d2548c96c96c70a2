import { moderateReview as moderate, type ModerateReviewArgs } from '../../../application/moderate-review.ts';
import type { ReviewsContext } from '../../../context.ts';

/** Mutation.moderateReview (ADMIN). */
export function moderateReview(_parent: unknown, args: ModerateReviewArgs, context: ReviewsContext) {
  return moderate(context.deps, context, args);
}
