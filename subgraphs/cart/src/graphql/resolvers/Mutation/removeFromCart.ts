import { removeFromCart as remove } from '../../../application/remove-from-cart.ts';
import type { CartContext } from '../../../context.ts';

/** Mutation.removeFromCart. */
export const removeFromCart = (_parent: unknown, args: { cartId?: string | null; variantId: string }, context: CartContext) => remove(context.deps, context, args);
