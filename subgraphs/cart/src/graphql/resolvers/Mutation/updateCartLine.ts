import { updateCartLine as update, type UpdateCartLineArgs } from '../../../application/update-cart-line.ts';
import type { CartContext } from '../../../context.ts';

/** Mutation.updateCartLine (0 removes). */
export const updateCartLine = (_parent: unknown, args: UpdateCartLineArgs, context: CartContext) => update(context.deps, context, args);
