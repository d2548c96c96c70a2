import { addToCart as add, type AddToCartArgs } from '../../../application/add-to-cart.ts';
import type { CartContext } from '../../../context.ts';

/** Mutation.addToCart. */
export const addToCart = (_parent: unknown, args: AddToCartArgs, context: CartContext) => add(context.deps, context, args);
