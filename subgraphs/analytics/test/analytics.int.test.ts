import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf } from '@drobble/schema/events';
import { errorCodes, eventually, startAnalytics, viewerWith } from './harness.ts';
import { publishOrder } from './publish-scenario.ts';
import { dayKey, daysAgo, expectedFigures, midnight, scriptedOrders } from './scenario.ts';

type Harness = Awaited<ReturnType<typeof startAnalytics>>;
let h: Harness;
const orders = scriptedOrders();
const expected = expectedFigures(orders);
const updates: EventOf<'analytics.dashboard.updated.v1'>[] = [];
let publishedFrom = 0;
let publishedCount = 0;

const DASHBOARD = `{ dashboard {
  salesToday { amount currency } ordersToday averageOrderValue { amount currency } newCustomersToday updatedAt
  topProducts(limit: 10) { product { id } unitsSold revenue { amount currency } }
  lowStock { variant { id } available }
  salesByDay(days: 14) { date orders revenue { amount currency } }
} }`;
const REPORT = `query ($from: DateTime!, $to: DateTime!, $groupBy: ReportGrouping) { salesReport(from: $from, to: $to, groupBy: $groupBy) { date orders revenue { amount currency } } }`;

const lowVariant = randomUUID();
const emptyVariant = randomUUID();

beforeAll(async () => {
  h = await startAnalytics();
  const publish: typeof h.publish = (subject, data, meta) => {
    publishedCount++;
    return h.publish(subject, data, meta);
  };
  await h.bus.subscribe({ durable: 'test-dashboard-updates', subjects: ['analytics.dashboard.updated.v1'], handler: async (event) => void updates.push(event) });
  publishedFrom = Date.now();
  for (const [index, order] of orders.entries()) await publishOrder(publish, order, index, index === 1);
  const duplicate = await publish('identity.user.registered.v1', { userId: randomUUID(), email: 'a@example.com', firstName: null, lastName: null, roles: ['CUSTOMER'] }, { correlationId: 'r1' });
  await h.bus.publish('identity.user.registered.v1', duplicate as never);
  await publish('identity.user.registered.v1', { userId: randomUUID(), email: 'b@example.com', firstName: 'B', lastName: null, roles: ['CUSTOMER'] }, { correlationId: 'r2' });
  await publish('identity.user.registered.v1', { userId: randomUUID(), email: 'staff@example.com', firstName: null, lastName: null, roles: ['ADMIN'] }, { correlationId: 'r3' });
  await publish('identity.user.registered.v1', { userId: randomUUID(), email: 'old@example.com', firstName: null, lastName: null, roles: ['CUSTOMER'] }, { correlationId: 'r4', occurredAt: daysAgo(1) });
  const stock = (variantId: string, available: number, lowStock: boolean, occurredAt: Date) =>
    publish('inventory.stock.changed.v1', { variantId, productId: randomUUID(), onHand: available, reserved: 0, available, lowStock, reason: 'ADJUSTMENT' }, { correlationId: 's', occurredAt });
  await stock(lowVariant, 2, true, new Date());
  await stock(lowVariant, 40, false, new Date(Date.now() - 60_000)); // older, arrives late: ignored
  await stock(emptyVariant, 0, true, new Date());
  await stock(randomUUID(), 30, false, new Date());
});
afterAll(async () => {
  await h?.stop();
});

const money = (amount: number) => ({ amount, currency: 'USD' });

describe('dashboard', () => {
  it('reconciles exactly with the orders, refunds, registrations and stock it was told about', async () => {
    const dashboard = await eventually(async () => {
      const response = await h.gql(DASHBOARD);
      expect(response.errors).toBeUndefined();
      const figures = response.data!.dashboard;
      expect(figures.ordersToday).toBe(expected.ordersToday);
      expect(figures.salesToday).toEqual(money(expected.salesToday));
      expect(figures.newCustomersToday).toBe(2);
      expect(figures.lowStock).toHaveLength(2);
      expect(figures.topProducts.map((p: any) => p.unitsSold)).toEqual(expected.topProducts.map((p) => p.unitsSold));
      return figures;
    });
    expect(dashboard.averageOrderValue).toEqual(money(expected.averageOrderValue));
    expect(dashboard.topProducts).toEqual(expected.topProducts.map((p) => ({ product: { id: p.productId }, unitsSold: p.unitsSold, revenue: money(p.revenue) })));
    expect(dashboard.lowStock).toEqual([{ variant: { id: emptyVariant }, available: 0 }, { variant: { id: lowVariant }, available: 2 }]);
    const days = Array.from({ length: 14 }, (_, i) => expected.day(dayKey(daysAgo(13 - i))));
    expect(dashboard.salesByDay).toEqual(days.map((d) => ({ date: d.date, orders: d.orders, revenue: money(d.revenue) })));
    // The scenario is not trivial: refunds today exceed nothing by accident, and something was paid yesterday.
    expect(expected.ordersToday).toBe(3);
    expect(expected.day(dayKey(daysAgo(1))).orders).toBe(1);
  });

  it('groups the sales report by day, week and month with the same totals', async () => {
    const from = daysAgo(60, 0);
    const to = new Date(midnight().getTime() + 86_400_000);
    const byDay = await h.gql(REPORT, { from: from.toISOString(), to: to.toISOString(), groupBy: 'DAY' });
    expect(byDay.errors).toBeUndefined();
    const rows = byDay.data!.salesReport as { date: string; orders: number; revenue: { amount: number } }[];
    expect(rows).toHaveLength(61);
    for (const row of rows) expect({ orders: row.orders, revenue: row.revenue.amount }).toEqual((({ orders, revenue }) => ({ orders, revenue }))(expected.day(row.date)));
    const total = (list: typeof rows) => ({ orders: list.reduce((s, r) => s + r.orders, 0), revenue: list.reduce((s, r) => s + r.revenue.amount, 0) });
    const paidInWindow = orders.filter((o) => o.currency === 'USD' && o.paidAt && o.paidAt >= from);
    const refunds = orders.filter((o) => o.currency === 'USD').flatMap((o) => o.refunds).reduce((s, r) => s + r.amount, 0);
    expect(total(rows)).toEqual({ orders: paidInWindow.length, revenue: paidInWindow.reduce((s, o) => s + o.total, 0) - refunds });
    for (const groupBy of ['WEEK', 'MONTH']) {
      const grouped = await h.gql(REPORT, { from: from.toISOString(), to: to.toISOString(), groupBy });
      const list = grouped.data!.salesReport as typeof rows;
      expect(total(list)).toEqual(total(rows));
      expect(list.length).toBeLessThan(rows.length);
    }
  });

  it('refuses bad windows and limits, and non-admins', async () => {
    const now = new Date().toISOString();
    const backwards = await h.gql(REPORT, { from: now, to: daysAgo(3).toISOString() });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(errorCodes(await h.gql(REPORT, { from: daysAgo(2000).toISOString(), to: now }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.gql(`{ dashboard { topProducts(limit: 0) { unitsSold } } }`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.gql(`{ dashboard { salesByDay(days: 400) { date } } }`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.gql(`{ dashboard { ordersToday } }`, {}, viewerWith('CUSTOMER')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.gql(REPORT, { from: daysAgo(1).toISOString(), to: now }, viewerWith('SELLER')))).toEqual(['FORBIDDEN']);
  });
});

describe('dashboard updates', () => {
  it('publishes the latest figures, throttled to one per 250 ms while events arrive', async () => {
    const last = await eventually(async () => {
      const latest = updates.at(-1);
      expect(latest?.data.ordersToday).toBe(expected.ordersToday);
      expect(latest?.data.salesToday.amount).toBe(expected.salesToday);
      expect(latest?.data.newCustomersToday).toBe(2);
      expect(latest?.data.lowStock).toHaveLength(2);
      // Events for earlier days (a refund of last week's order) move topProducts but not today's figures.
      expect(latest?.data.topProducts.map((p) => p.productId)).toEqual(expected.topProducts.map((p) => p.productId));
      return latest!;
    });
    expect(last.data.salesByDay).toHaveLength(30);
    expect(last.data.salesByDay.at(-1)).toEqual({ date: dayKey(new Date()), orders: expected.ordersToday, revenue: money(expected.salesToday) });
    const outbox = await eventually(async () => {
      const rows = await h.prisma.outboxEvent.findMany({ where: { subject: 'analytics.dashboard.updated.v1' }, orderBy: { createdAt: 'asc' } });
      expect(rows.map((row) => row.id)).toEqual(updates.map((update) => update.id));
      return rows;
    });
    // Far fewer updates than events, and no more than one per 250 ms of activity (spacing: throttle.test.ts).
    const window = Date.now() - publishedFrom;
    expect(outbox.length).toBeLessThanOrEqual(Math.ceil(window / 250) + 1);
    expect(outbox.length).toBeLessThan(publishedCount / 2);
  });

  it('stays quiet when nothing happens', async () => {
    await eventually(async () => expect(await h.prisma.inboxEvent.count()).toBe(publishedCount));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = await h.prisma.outboxEvent.count({ where: { subject: 'analytics.dashboard.updated.v1' } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await h.prisma.outboxEvent.count({ where: { subject: 'analytics.dashboard.updated.v1' } })).toBe(before);
  });
});
