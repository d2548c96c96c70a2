import { submitReview as submit, type SubmitReviewArgs } from '../../../application/submit-review.ts';
import type { ReviewsContext } from '../../../context.ts';

/** Mutation.submitReview (signed in). */
export function submitReview(_parent: unknown, args: SubmitReviewArgs, context: ReviewsContext) {
  return submit(context.deps, context, args);
}
