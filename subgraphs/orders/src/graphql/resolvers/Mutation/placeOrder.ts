import { placeOrder as place } from '../../../application/place-order.ts';
import type { OrdersContext } from '../../../context.ts';

/** Mutation.placeOrder. */
export const placeOrder = (_: unknown, args: { input: unknown }, context: OrdersContext) => place(context.deps, context, args.input);
