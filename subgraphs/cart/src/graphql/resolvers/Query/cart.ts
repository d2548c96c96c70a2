import { getCart } from '../../../application/get-cart.ts';
import type { CartContext } from '../../../context.ts';

/** Query.cart(id): a guest's cart by id, or the signed-in user's own cart. */
export const cart = (_parent: unknown, args: { id?: string | null }, context: CartContext) => getCart(context.deps, context, args.id);
