import { randomUUID } from 'node:crypto';
import type { OrderStatus } from '@drobble/schema/events';

/** One scripted order: what happened to it, from which the expected figures are computed by hand. */
export interface ScriptedOrder {
  orderId: string;
  currency: string;
  lines: { variantId: string; productId: string; quantity: number; unitPrice: number }[];
  total: number;
  paidAt: Date | null;
  refunds: { refundId: string; amount: number; at: Date }[];
  status: OrderStatus;
}

const DAY = 86_400_000;
export const midnight = (at = new Date()) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
/** An instant `days` UTC days before today (0 = today), `minutes` after midnight. */
export const daysAgo = (days: number, minutes = 60) => new Date(midnight().getTime() - days * DAY + minutes * 60_000);
export const dayKey = (at: Date) => at.toISOString().slice(0, 10);

export const products = { mug: randomUUID(), tee: randomUUID(), cap: randomUUID() };
const variantOf = new Map(Object.values(products).map((productId): [string, string] => [productId, randomUUID()]));

function order(currency: string, items: [string, number, number][], paidAt: Date | null, status: OrderStatus, refunds: [number, Date][] = []): ScriptedOrder {
  const lines = items.map(([productId, quantity, unitPrice]) => ({ variantId: variantOf.get(productId)!, productId, quantity, unitPrice }));
  return {
    orderId: randomUUID(),
    currency,
    lines,
    total: lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0) + 500,
    paidAt,
    status,
    refunds: refunds.map(([amount, at]) => ({ refundId: randomUUID(), amount, at })),
  };
}

/** Paid today, yesterday and earlier; partial and full refunds; cancellations; a failure; another currency. */
export function scriptedOrders(): ScriptedOrder[] {
  const { mug, tee, cap } = products;
  return [
    order('USD', [[mug, 2, 1000], [tee, 1, 2500]], daysAgo(0, 30), 'PAID'),
    order('USD', [[tee, 3, 2500]], daysAgo(0, 45), 'DELIVERED', [[1500, daysAgo(0, 50)]]),
    order('USD', [[cap, 1, 1999]], daysAgo(1, 600), 'REFUNDED', [[2499, daysAgo(0, 20)]]),
    order('USD', [[mug, 5, 1000]], null, 'FAILED'),
    order('USD', [[cap, 4, 1999]], daysAgo(0, 5), 'CANCELLED', [[8496, daysAgo(0, 55)]]),
    order('EUR', [[mug, 9, 900]], daysAgo(3), 'PAID'),
    order('USD', [[mug, 1, 1000], [cap, 1, 1999]], daysAgo(2, 1_000), 'SHIPPED'),
    order('USD', [[tee, 1, 2500]], daysAgo(10), 'PAID'),
    order('USD', [[cap, 7, 1999]], daysAgo(45), 'PAID'),
  ];
}

/** The figures, computed from the scripted orders alone. */
export function expectedFigures(orders: ScriptedOrder[], currency = 'USD') {
  const today = dayKey(new Date());
  const usd = orders.filter((o) => o.currency === currency);
  const paidOn = (day: string) => usd.filter((o) => o.paidAt && dayKey(o.paidAt) === day);
  const refundsOn = (day: string) => usd.flatMap((o) => o.refunds).filter((r) => dayKey(r.at) === day).reduce((sum, r) => sum + r.amount, 0);
  const day = (key: string) => ({ date: key, orders: paidOn(key).length, revenue: paidOn(key).reduce((sum, o) => sum + o.total, 0) - refundsOn(key) });
  const todays = day(today);
  const grossToday = paidOn(today).reduce((sum, o) => sum + o.total, 0);
  const since = daysAgo(29, 0);
  const units = new Map<string, { unitsSold: number; revenue: number }>();
  for (const o of usd) {
    if (!o.paidAt || o.paidAt < since || o.status === 'CANCELLED' || o.status === 'REFUNDED') continue;
    for (const line of o.lines) {
      const sum = units.get(line.productId) ?? { unitsSold: 0, revenue: 0 };
      sum.unitsSold += line.quantity;
      sum.revenue += line.quantity * line.unitPrice;
      units.set(line.productId, sum);
    }
  }
  const top = [...units.entries()]
    .map(([productId, sum]) => ({ productId, ...sum }))
    .sort((a, b) => b.unitsSold - a.unitsSold || b.revenue - a.revenue || a.productId.localeCompare(b.productId));
  return {
    salesToday: todays.revenue,
    ordersToday: todays.orders,
    averageOrderValue: todays.orders === 0 ? 0 : Math.round(grossToday / todays.orders),
    topProducts: top,
    day,
  };
}
