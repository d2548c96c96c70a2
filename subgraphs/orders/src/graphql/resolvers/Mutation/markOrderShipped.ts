import { markOrderShipped as ship } from '../../../application/admin-commands.ts';
import type { OrdersContext } from '../../../context.ts';

/** Mutation.markOrderShipped (ADMIN). */
export const markOrderShipped = (_: unknown, args: { id: string }, context: OrdersContext) => ship(context.deps, context, args.id);
