import { getOrder } from '../../../application/queries.ts';
import type { OrdersContext } from '../../../context.ts';

/** Query.order(id): owner, ADMIN or SUPPORT. */
export const order = (_: unknown, args: { id: string }, context: OrdersContext) => getOrder(context.deps, context.viewer, args.id);
