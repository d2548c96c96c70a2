import { abandonedCarts as list } from '../../../application/abandoned-carts.ts';
import type { CartContext } from '../../../context.ts';

/** Query.abandonedCarts: ADMIN or SUPPORT. */
export const abandonedCarts = (_parent: unknown, args: { olderThanHours: number; page?: number | null; pageSize?: number | null }, context: CartContext) =>
  list(context.deps, context, args);
