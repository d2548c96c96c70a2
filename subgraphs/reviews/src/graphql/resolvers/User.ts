import { userReviews } from '../../application/list-reviews.ts';
import type { ReviewsContext } from '../../context.ts';
import type { PageArgs } from '@drobble/kit/paging';

/** User.reviews for identity's User entity. */
export const User = {
  __resolveReference: (reference: { id: string }) => ({ id: reference.id.toLowerCase() }),
  reviews: (user: { id: string }, args: PageArgs, context: ReviewsContext) => userReviews(context.deps.prisma, context.viewer, user.id, args),
};
