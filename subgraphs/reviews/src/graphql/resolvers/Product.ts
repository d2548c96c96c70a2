import type { ReviewsContext } from '../../context.ts';
import type { PageArgs } from '@drobble/kit/paging';

interface ProductParent {
  id: string;
}

/** Product.rating and Product.reviews: batched, one query each per gateway fetch. */
export const Product = {
  __resolveReference: (reference: { id: string }) => ({ id: reference.id.toLowerCase() }),
  rating: (product: ProductParent, _args: unknown, context: ReviewsContext) => context.loaders.rating(product.id),
  reviews: (product: ProductParent, args: PageArgs, context: ReviewsContext) => context.loaders.productReviews(product.id, args),
};
