import { ordersOfUser } from '../../application/queries.ts';
import type { OrdersContext } from '../../context.ts';

/** User.orders on identity's User entity. */
export const User = {
  __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  orders: (user: { id: string }, args: { page?: number | null; pageSize?: number | null }, context: OrdersContext) =>
    ordersOfUser(context.deps, context.viewer, user.id, args.page, args.pageSize),
};
