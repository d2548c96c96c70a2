import { addToWishlist as add } from '../../../application/wishlist.ts';
import type { CartContext } from '../../../context.ts';

/** Mutation.addToWishlist: signed-in users. */
export const addToWishlist = (_parent: unknown, args: { productId: string }, context: CartContext) => add(context.deps, context, args.productId);
