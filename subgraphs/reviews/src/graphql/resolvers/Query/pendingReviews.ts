import { pendingReviews as list } from '../../../application/list-reviews.ts';
import type { ReviewsContext } from '../../../context.ts';
import type { PageArgs } from '@drobble/kit/paging';

/** Query.pendingReviews (ADMIN). */
export function pendingReviews(_parent: unknown, args: PageArgs, context: ReviewsContext) {
  return list(context.deps.prisma, context.viewer, args);
}
