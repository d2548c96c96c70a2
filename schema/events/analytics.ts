import { z } from 'zod';
import { id } from './envelope.ts';
import { currency } from './money.ts';

/**
 * Analytics events. `analytics.dashboard.updated` carries the admin dashboard's figures, published
 * at most a few times per second (coalesced) while the events that move them arrive; the gateway
 * turns it into the `dashboardUpdated` subscription. Definitions of each figure are in the
 * analytics subgraph's SDL (Dashboard).
 */

/** Money that may be negative: net sales of a day whose refunds exceed its payments. */
const signedMoney = z.object({ amount: z.number().int(), currency });

const count = z.number().int().nonnegative();

export const dashboardUpdatedV1 = z.object({
  salesToday: signedMoney,
  ordersToday: count,
  averageOrderValue: signedMoney,
  newCustomersToday: count,
  /** The 10 best-selling products (Dashboard.topProducts(limit) serves the first `limit`, up to 10). */
  topProducts: z.array(z.object({ productId: id(), unitsSold: count, revenue: signedMoney })).max(10),
  /** Variants with low stock, lowest availability first (at most 50). */
  lowStock: z.array(z.object({ variantId: id(), productId: id(), available: count })).max(50),
  /** The last 30 UTC days, oldest first, today last (Dashboard.salesByDay(days) serves the last `days`, up to 30). */
  salesByDay: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), orders: count, revenue: signedMoney })).max(30),
  /** When the figures were computed. */
  updatedAt: z.iso.datetime({ offset: false }),
});

/** Subject -> payload schema for the analytics context. */
export const analyticsEvents = {
  'analytics.dashboard.updated.v1': dashboardUpdatedV1,
} as const;
