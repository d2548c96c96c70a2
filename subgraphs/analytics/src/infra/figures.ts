import type { DayFigures } from '../domain/days.ts';
import { Prisma, type AnalyticsPrisma } from './prisma.ts';

/**
 * Read-only aggregate queries over the projections (raw SQL must name its schema). Every figure
 * counts one currency only (the store's).
 */
export interface FigureQueries {
  /** Per UTC day with any activity in [from, to): orders paid, their totals, and refunds. */
  dailySales(from: Date, to: Date): Promise<DayFigures[]>;
  /** Users registered (as customers) in [from, to). */
  newCustomers(from: Date, to: Date): Promise<number>;
  /** Best sellers among orders paid in [from, to) and not cancelled or refunded since. */
  topProducts(from: Date, to: Date, limit: number): Promise<{ productId: string; unitsSold: number; revenue: number }[]>;
  /** Variants whose latest stock figures say lowStock, lowest availability first. */
  lowStock(limit: number): Promise<{ variantId: string; productId: string; available: number }[]>;
}

export function createFigureQueries(prisma: AnalyticsPrisma, schema: string, currency: string): FigureQueries {
  const table = (name: string) => Prisma.raw(`"${schema.replaceAll('"', '')}"."${name}"`);
  return {
    async dailySales(from, to) {
      const paid = await prisma.$queryRaw<{ day: string; orders: number; revenue: bigint }[]>`
        SELECT to_char(paid_at, 'YYYY-MM-DD') AS day, count(*)::int AS orders, coalesce(sum(total), 0)::bigint AS revenue
        FROM ${table('sales_order')}
        WHERE paid_at >= ${from} AND paid_at < ${to} AND currency = ${currency}
        GROUP BY 1`;
      const refunds = await prisma.$queryRaw<{ day: string; refunded: bigint }[]>`
        SELECT to_char(refunded_at, 'YYYY-MM-DD') AS day, sum(amount)::bigint AS refunded
        FROM ${table('sales_refund')}
        WHERE refunded_at >= ${from} AND refunded_at < ${to} AND currency = ${currency}
        GROUP BY 1`;
      const days = new Map<string, DayFigures>();
      for (const row of paid) days.set(row.day, { day: row.day, orders: row.orders, paid: Number(row.revenue), refunded: 0 });
      for (const row of refunds) {
        const day = days.get(row.day) ?? { day: row.day, orders: 0, paid: 0, refunded: 0 };
        day.refunded += Number(row.refunded);
        days.set(row.day, day);
      }
      return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
    },
    newCustomers(from, to) {
      return prisma.customer.count({ where: { registeredAt: { gte: from, lt: to } } });
    },
    async topProducts(from, to, limit) {
      const rows = await prisma.$queryRaw<{ productId: string; unitsSold: bigint; revenue: bigint }[]>`
        SELECT l.product_id::text AS "productId", sum(l.quantity)::bigint AS "unitsSold", sum(l.quantity::bigint * l.unit_price)::bigint AS revenue
        FROM ${table('sales_order_line')} l JOIN ${table('sales_order')} o ON o.order_id = l.order_id
        WHERE o.paid_at >= ${from} AND o.paid_at < ${to} AND o.currency = ${currency}
          AND (o.status IS NULL OR o.status NOT IN ('CANCELLED', 'REFUNDED'))
        GROUP BY l.product_id
        ORDER BY 2 DESC, 3 DESC, 1
        LIMIT ${limit}`;
      return rows.map((row) => ({ productId: row.productId, unitsSold: Number(row.unitsSold), revenue: Number(row.revenue) }));
    },
    async lowStock(limit) {
      const rows = await prisma.stockLevel.findMany({ where: { lowStock: true }, orderBy: [{ available: 'asc' }, { variantId: 'asc' }], take: limit });
      return rows.map(({ variantId, productId, available }) => ({ variantId, productId, available }));
    },
  };
}
