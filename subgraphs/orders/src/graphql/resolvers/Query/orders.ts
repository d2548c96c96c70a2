import { listOrders, type OrderFilter } from '../../../application/queries.ts';
import type { OrdersContext } from '../../../context.ts';

/** Query.orders (ADMIN, SUPPORT). */
export const orders = (_: unknown, args: { filter?: OrderFilter | null; page?: number | null; pageSize?: number | null }, context: OrdersContext) =>
  listOrders(context.deps, context.viewer, args.filter, args.page, args.pageSize);
