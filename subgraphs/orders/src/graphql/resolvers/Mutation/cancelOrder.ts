import { cancelOrder as cancel } from '../../../application/cancel-order.ts';
import type { OrdersContext } from '../../../context.ts';

/** Mutation.cancelOrder (owner or ADMIN). */
export const cancelOrder = (_: unknown, args: { id: string; reason?: string | null }, context: OrdersContext) => cancel(context.deps, context, args.id, args.reason);
