import { markOrderDelivered as deliver } from '../../../application/admin-commands.ts';
import type { OrdersContext } from '../../../context.ts';

/** Mutation.markOrderDelivered (ADMIN). */
export const markOrderDelivered = (_: unknown, args: { id: string }, context: OrdersContext) => deliver(context.deps, context, args.id);
