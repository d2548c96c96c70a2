import { myOrders as list } from '../../../application/queries.ts';
import type { OrdersContext } from '../../../context.ts';

/** Query.myOrders. */
export const myOrders = (_: unknown, args: { status?: string | null; page?: number | null; pageSize?: number | null }, context: OrdersContext) =>
  list(context.deps, context.viewer, args.status, args.page, args.pageSize);
