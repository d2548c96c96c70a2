import { exportOrders as exportCsv, type OrderFilter } from '../../../application/queries.ts';
import type { OrdersContext } from '../../../context.ts';

/** Query.exportOrders (ADMIN): CSV text. */
export const exportOrders = (_: unknown, args: { filter?: OrderFilter | null }, context: OrdersContext) => exportCsv(context.deps, context.viewer, args.filter);
