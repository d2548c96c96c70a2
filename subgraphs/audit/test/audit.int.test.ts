import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, errorCodes, eventually, startAudit, viewerWith } from './harness.ts';
import { orderChain } from './fixtures.ts';

type Harness = Awaited<ReturnType<typeof startAudit>>;
let h: Harness;

const AUDIT_LOG = `query Log($filter: AuditFilter, $page: Int, $pageSize: Int) {
  auditLog(filter: $filter, page: $page, pageSize: $pageSize) {
    items { id type actorId subjectId correlationId at data }
    pageInfo { page pageSize total }
  }
}`;

async function logOf(filter: Record<string, unknown>, page = 1, pageSize = 100) {
  const response = await h.gql(AUDIT_LOG, { filter, page, pageSize });
  expect(response.errors).toBeUndefined();
  return response.data!.auditLog as { items: Record<string, any>[]; pageInfo: { total: number } };
}

beforeAll(async () => {
  h = await startAudit();
});
afterAll(async () => {
  await h?.stop();
});

describe('audit log', () => {
  it('records a whole saga under its correlation id, newest first, and nothing else under it', async () => {
    const correlationId = `req-${randomUUID()}`;
    const chain = orderChain();
    const customer = chain.facts.customerId;
    const t0 = Date.now() - 60_000;
    const at = (step: number) => new Date(t0 + step * 1_000);
    const published = [
      await h.publish('orders.order.placed.v1', chain.placed, { correlationId, actorId: customer, occurredAt: at(0) }),
      await h.publish('orders.order.status_changed.v1', chain.pending, { correlationId, actorId: customer, occurredAt: at(1) }),
      await h.publish('orders.order.stock_reservation_requested.v1', chain.reserve, { correlationId, occurredAt: at(2) }),
      await h.publish('inventory.reservation.confirmed.v1', chain.reserved, { correlationId, occurredAt: at(3) }),
      await h.publish('orders.order.payment_requested.v1', chain.pay, { correlationId, occurredAt: at(4) }),
      await h.publish('payments.payment.succeeded.v1', chain.succeeded, { correlationId, occurredAt: at(5) }),
      await h.publish('orders.order.paid.v1', chain.paid, { correlationId, occurredAt: at(6) }),
    ];
    const other = orderChain();
    await h.publish('orders.order.placed.v1', other.placed, { correlationId: `req-${randomUUID()}` });

    const log = await eventually(async () => {
      const result = await logOf({ correlationId });
      expect(result.pageInfo.total).toBe(published.length);
      return result;
    });
    expect(log.items.map((item) => item.id)).toEqual(published.map((event) => event.id).reverse());
    expect(log.items.map((item) => item.type)).toEqual([
      'orders.order.paid', 'payments.payment.succeeded', 'orders.order.payment_requested', 'inventory.reservation.confirmed',
      'orders.order.stock_reservation_requested', 'orders.order.status_changed', 'orders.order.placed',
    ]);
    const placed = log.items.at(-1)!;
    expect(placed).toMatchObject({ actorId: customer, subjectId: chain.facts.orderId, correlationId, at: at(0).toISOString() });
    expect(JSON.parse(placed.data)).toEqual(chain.placed);
    expect(log.items.find((item) => item.type === 'payments.payment.succeeded')!.subjectId).toBe(chain.succeeded.paymentId);
  });

  it('filters by type, actor, subject and time window, and pages', async () => {
    const correlationId = `req-${randomUUID()}`;
    const chain = orderChain();
    const actorId = randomUUID();
    const base = Date.UTC(2026, 0, 10, 12);
    for (let i = 0; i < 5; i++) {
      await h.publish('orders.order.status_changed.v1', { ...chain.pending, to: 'PAID', from: 'PENDING' }, { correlationId, actorId: i < 3 ? actorId : undefined, occurredAt: new Date(base + i * 60_000) });
    }
    await eventually(async () => expect((await logOf({ correlationId })).pageInfo.total).toBe(5));
    expect((await logOf({ actorId })).pageInfo.total).toBe(3);
    expect((await logOf({ subjectId: chain.facts.orderId, type: 'orders.order.status_changed' })).pageInfo.total).toBe(5);
    expect((await logOf({ subjectId: chain.facts.orderId, type: 'orders.order.placed' })).pageInfo.total).toBe(0);
    const window = await logOf({ correlationId, from: new Date(base + 60_000).toISOString(), to: new Date(base + 3 * 60_000).toISOString() });
    expect(window.items.map((item) => item.at)).toEqual([new Date(base + 120_000).toISOString(), new Date(base + 60_000).toISOString()]);
    const page2 = await logOf({ correlationId }, 2, 2);
    expect(page2.items.map((item) => item.at)).toEqual([new Date(base + 120_000).toISOString(), new Date(base + 60_000).toISOString()]);
    expect(page2.pageInfo).toEqual({ page: 2, pageSize: 2, total: 5 });
  });

  it('records an event once however often it is delivered', async () => {
    const correlationId = `req-${randomUUID()}`;
    const chain = orderChain();
    const event = await h.publish('orders.order.placed.v1', chain.placed, { correlationId });
    await h.bus.publish('orders.order.placed.v1', event);
    await h.publish('orders.order.status_changed.v1', chain.pending, { correlationId });
    await eventually(async () => expect((await logOf({ correlationId })).pageInfo.total).toBe(2));
    expect(await h.prisma.auditEntry.count({ where: { id: event.id } })).toBe(1);
  });

  it('never stores a password-reset token', async () => {
    const correlationId = `req-${randomUUID()}`;
    const token = `tok${randomUUID().replaceAll('-', '')}`;
    const userId = randomUUID();
    await h.publish('identity.password_reset.requested.v1', { userId, email: 'ann@example.com', firstName: 'Ann', token, expiresAt: new Date(Date.now() + 1_800_000).toISOString() }, { correlationId });
    const log = await eventually(async () => {
      const result = await logOf({ correlationId });
      expect(result.pageInfo.total).toBe(1);
      return result;
    });
    expect(JSON.parse(log.items[0]!.data).token).toBe('[redacted]');
    const rows = await h.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "audit"."audit_entry" WHERE data::text LIKE $1`, `%${token}%`);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses updates and deletes at the database level', async () => {
    const correlationId = `req-${randomUUID()}`;
    const event = await h.publish('orders.order.placed.v1', orderChain().placed, { correlationId });
    await eventually(async () => expect((await logOf({ correlationId })).pageInfo.total).toBe(1));
    await expect(h.prisma.auditEntry.update({ where: { id: event.id }, data: { type: 'forged' } })).rejects.toThrow(/append-only/);
    await expect(h.prisma.auditEntry.deleteMany({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(h.prisma.$executeRawUnsafe(`TRUNCATE "audit"."audit_entry"`)).rejects.toThrow(/append-only/);
    const row = await h.prisma.auditEntry.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.type).toBe('orders.order.placed');
  });

  it('is for admins only and validates its window', async () => {
    expect(errorCodes(await h.gql(AUDIT_LOG, {}, viewerWith('CUSTOMER')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.gql(AUDIT_LOG, {}, viewerWith('SUPPORT')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.gql(AUDIT_LOG, {}, { userId: null, roles: [], sessionId: null }))).toEqual(['UNAUTHENTICATED']);
    const badWindow = await h.gql(AUDIT_LOG, { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, admin);
    expect(badWindow.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    expect(errorCodes(await h.gql(AUDIT_LOG, { pageSize: 101 }, admin))).toEqual(['BAD_USER_INPUT']);
  });
});
