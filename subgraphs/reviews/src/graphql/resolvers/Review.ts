import type { ReviewsContext } from '../../context.ts';
import type { Review as ReviewParent } from '../../infra/reviews.ts';
import { hasRole } from '@drobble/kit/auth/guards';

/** Review fields and its entity reference (batched). Unpublished reviews resolve for their author and staff only. */
export const Review = {
  async __resolveReference(reference: { id: string }, context: ReviewsContext) {
    const review = await context.loaders.review(reference.id.toLowerCase());
    if (!review) return null;
    const visible = review.status === 'APPROVED' || review.authorId === context.viewer.userId || hasRole(context.viewer, 'ADMIN', 'SUPPORT');
    return visible ? review : null;
  },
  product: (review: ReviewParent) => ({ __typename: 'Product', id: review.productId }),
  author: (review: ReviewParent) => ({ __typename: 'User', id: review.authorId }),
};
