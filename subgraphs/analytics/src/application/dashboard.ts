import { badInput } from '@drobble/kit/errors';
import { addDays, bucketsBetween, groupDays, startOfUtcDay, type ReportGrouping } from '../domain/days.ts';
import type { FigureQueries } from '../infra/figures.ts';

export interface Money {
  amount: number;
  currency: string;
}

export interface DailySales {
  date: string;
  orders: number;
  revenue: Money;
}

/** What analytics needs to answer: the queries and the store's currency. */
export interface AnalyticsDeps {
  figures: FigureQueries;
  currency: string;
  now?: () => Date;
}

/** Best sellers are counted over the last 30 days of payments. */
export const TOP_PRODUCTS_WINDOW_DAYS = 30;
export const MAX_TOP_PRODUCTS = 50;
export const MAX_LOW_STOCK = 50;
export const MAX_SALES_DAYS = 366;
/** salesReport windows longer than this are refused. */
export const MAX_REPORT_DAYS = 3 * 366;

const money = (amount: number, currency: string): Money => ({ amount, currency });

/** The dashboard's headline figures for the current UTC day. */
export async function todaysFigures(deps: AnalyticsDeps) {
  const now = deps.now?.() ?? new Date();
  const today = startOfUtcDay(now);
  const tomorrow = addDays(today, 1);
  const [days, newCustomersToday] = await Promise.all([deps.figures.dailySales(today, tomorrow), deps.figures.newCustomers(today, tomorrow)]);
  const { orders, paid, refunded } = days[0] ?? { orders: 0, paid: 0, refunded: 0 };
  return {
    salesToday: money(paid - refunded, deps.currency),
    ordersToday: orders,
    averageOrderValue: money(orders === 0 ? 0 : Math.round(paid / orders), deps.currency),
    newCustomersToday,
    updatedAt: now,
  };
}

/** Best sellers of the last 30 days, `limit` of them (default 5, 1..50). */
export async function topProducts(deps: AnalyticsDeps, limit: number | null | undefined) {
  const take = limit ?? 5;
  if (!Number.isInteger(take) || take < 1 || take > MAX_TOP_PRODUCTS) throw badInput('limit', `limit must be between 1 and ${MAX_TOP_PRODUCTS}`);
  const now = deps.now?.() ?? new Date();
  const rows = await deps.figures.topProducts(addDays(startOfUtcDay(now), 1 - TOP_PRODUCTS_WINDOW_DAYS), addDays(startOfUtcDay(now), 1), take);
  return rows.map((row) => ({ productId: row.productId, unitsSold: row.unitsSold, revenue: money(row.revenue, deps.currency) }));
}

export async function lowStock(deps: AnalyticsDeps) {
  return deps.figures.lowStock(MAX_LOW_STOCK);
}

/** The last `days` UTC days (default 7, 1..366), oldest first, today last, every day present. */
export async function salesByDay(deps: AnalyticsDeps, days: number | null | undefined): Promise<DailySales[]> {
  const count = days ?? 7;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SALES_DAYS) throw badInput('days', `days must be between 1 and ${MAX_SALES_DAYS}`);
  const tomorrow = addDays(startOfUtcDay(deps.now?.() ?? new Date()), 1);
  return report(deps, addDays(tomorrow, -count), tomorrow, 'DAY');
}

/** salesReport: [from, to) in buckets of a day, an ISO week or a month (named by their first day). */
export async function salesReport(deps: AnalyticsDeps, from: Date, to: Date, groupBy: ReportGrouping | null | undefined): Promise<DailySales[]> {
  if (to <= from) throw badInput('to', 'to must be after from');
  if (to.getTime() - from.getTime() > MAX_REPORT_DAYS * 86_400_000) throw badInput('to', `a report covers at most ${MAX_REPORT_DAYS} days`);
  return report(deps, from, to, groupBy ?? 'DAY');
}

async function report(deps: AnalyticsDeps, from: Date, to: Date, grouping: ReportGrouping): Promise<DailySales[]> {
  const days = await deps.figures.dailySales(from, to);
  return groupDays(days, bucketsBetween(from, to, grouping), grouping).map((bucket) => ({
    date: bucket.day,
    orders: bucket.orders,
    revenue: money(bucket.paid - bucket.refunded, deps.currency),
  }));
}
