import { removeFromWishlist as remove } from '../../../application/wishlist.ts';
import type { CartContext } from '../../../context.ts';

/** Mutation.removeFromWishlist: signed-in users. */
export const removeFromWishlist = (_parent: unknown, args: { productId: string }, context: CartContext) => remove(context.deps, context, args.productId);
