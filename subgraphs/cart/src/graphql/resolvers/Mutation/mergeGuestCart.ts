import { mergeGuestCart as merge } from '../../../application/merge-guest-cart.ts';
import type { CartContext } from '../../../context.ts';

/** Mutation.mergeGuestCart: signed-in users. */
export const mergeGuestCart = (_parent: unknown, args: { guestCartId: string }, context: CartContext) => merge(context.deps, context, args.guestCartId);
