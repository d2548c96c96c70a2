import { lowStock, salesByDay, topProducts } from '../../application/dashboard.ts';
import type { AnalyticsContext } from '../../context.ts';

/** Dashboard's list fields, computed only when asked for. */
export const Dashboard = {
  topProducts: (_parent: unknown, args: { limit?: number | null }, context: AnalyticsContext) => topProducts(context.deps, args.limit),
  lowStock: (_parent: unknown, _args: unknown, context: AnalyticsContext) => lowStock(context.deps),
  salesByDay: (_parent: unknown, args: { days?: number | null }, context: AnalyticsContext) => salesByDay(context.deps, args.days),
};
