import { getWishlist } from '../../../application/wishlist.ts';
import type { CartContext } from '../../../context.ts';

/** Query.wishlist: signed-in users only. */
export const wishlist = (_parent: unknown, _args: unknown, context: CartContext) => getWishlist(context.deps, context);
