import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT_FIELDS, admin, errorCodes, paymentRequest, startPayments, viewerWith, type PaymentsHarness } from './harness.ts';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await startPayments();
});
afterAll(() => h?.stop());

const ORDER_PAYMENT = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id payment { ${PAYMENT_FIELDS} } } } }`;
const CONFIRM = `mutation ($orderId: ID!) { confirmTestPayment(orderId: $orderId) { id status } }`;
const PAYMENTS = `query ($status: PaymentStatus, $page: Int, $pageSize: Int) { payments(status: $status, page: $page, pageSize: $pageSize) { items { id status amount { amount } } pageInfo { page pageSize total } } }`;

async function paymentOfOrder(orderId: string, viewer = admin) {
  const result = await h.gql(ORDER_PAYMENT, { reps: [{ __typename: 'Order', id: orderId }] }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0].payment;
}

describe('TEST provider', () => {
  it('tok_visa succeeds: SUCCEEDED, one attempt in the ledger, payments.payment.succeeded', async () => {
    const request = paymentRequest({ amount: 4_250, currency: 'EUR' });
    const sent = await h.publish('orders.order.payment_requested.v1', request);
    const [event] = await h.waitFor('payments.payment.succeeded.v1', request.orderId);
    expect(event!.data).toMatchObject({ orderId: request.orderId, provider: 'TEST', amount: 4_250, currency: 'EUR' });
    expect(event!.causationId).toBe(sent.id);
    expect(event!.correlationId).toBe(sent.correlationId);
    const payment = await paymentOfOrder(request.orderId);
    expect(payment).toMatchObject({ provider: 'TEST', status: 'SUCCEEDED', amount: { amount: 4_250, currency: 'EUR' }, clientSecret: null, refunds: [] });
    expect(payment.ledger.map((row: { kind: string; status: string | null }) => [row.kind, row.status])).toEqual([['ATTEMPT', null], ['STATUS', 'SUCCEEDED']]);
  });

  it('tok_chargeDeclined is declined: FAILED with reason DECLINED', async () => {
    const request = paymentRequest({ token: 'tok_chargeDeclined' });
    await h.publish('orders.order.payment_requested.v1', request);
    const [event] = await h.waitFor('payments.payment.failed.v1', request.orderId);
    expect(event!.data).toMatchObject({ reason: 'DECLINED' });
    expect(await paymentOfOrder(request.orderId)).toMatchObject({ status: 'FAILED' });
  });

  it('an unknown token fails with INVALID_TOKEN, STRIPE without a key with PROVIDER_UNAVAILABLE', async () => {
    const bad = paymentRequest({ token: 'tok_nonsense' });
    const stripe = paymentRequest({ provider: 'STRIPE', token: 'pm_card_visa' });
    await h.publish('orders.order.payment_requested.v1', bad);
    await h.publish('orders.order.payment_requested.v1', stripe);
    expect((await h.waitFor('payments.payment.failed.v1', bad.orderId))[0]!.data).toMatchObject({ reason: 'INVALID_TOKEN' });
    expect((await h.waitFor('payments.payment.failed.v1', stripe.orderId))[0]!.data).toMatchObject({ reason: 'PROVIDER_UNAVAILABLE' });
  });

  it('tok_requiresAction waits; only the owner (or an ADMIN) confirms it, once', async () => {
    const request = paymentRequest({ token: 'tok_requiresAction' });
    const owner = { userId: request.customerId, roles: ['CUSTOMER'] as const, sessionId: null };
    await h.publish('orders.order.payment_requested.v1', request);
    await h.waitFor('payments.payment.requires_action.v1', request.orderId);
    expect(await paymentOfOrder(request.orderId)).toMatchObject({ status: 'REQUIRES_ACTION' });
    expect(errorCodes(await h.gql(CONFIRM, { orderId: request.orderId }, viewerWith('CUSTOMER')))).toEqual(['FORBIDDEN']);
    expect(await paymentOfOrder(request.orderId)).toMatchObject({ status: 'REQUIRES_ACTION' });
    const confirmed = await h.gql(CONFIRM, { orderId: request.orderId }, { ...owner, roles: [...owner.roles] });
    expect(confirmed.data?.confirmTestPayment).toMatchObject({ status: 'SUCCEEDED' });
    await h.waitFor('payments.payment.succeeded.v1', request.orderId);
    expect(errorCodes(await h.gql(CONFIRM, { orderId: request.orderId }))).toEqual(['CONFLICT']);
    expect(errorCodes(await h.gql(CONFIRM, { orderId: randomUUID() }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.gql(CONFIRM, { orderId: 'nope' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('one payment per order', () => {
  it('a redelivered request and new requests for the same order never charge twice', async () => {
    const request = paymentRequest();
    const first = await h.publish('orders.order.payment_requested.v1', request);
    await h.waitFor('payments.payment.succeeded.v1', request.orderId);
    // The same event again (a redelivery past the bus's dedupe) and fresh ids for the same order, at once.
    await Promise.all([
      h.bus.publish('orders.order.payment_requested.v1', { ...first, id: first.id }),
      ...Array.from({ length: 4 }, () => h.publish('orders.order.payment_requested.v1', request)),
    ]);
    const outcomes = await h.waitFor('payments.payment.succeeded.v1', request.orderId, 5);
    expect(new Set(outcomes.map((event) => (event.data as { paymentId: string }).paymentId)).size).toBe(1);
    const payments = await h.prisma.payment.findMany({ where: { orderId: request.orderId } });
    expect(payments).toHaveLength(1);
    expect(await h.prisma.paymentLedgerEntry.count({ where: { paymentId: payments[0]!.id, kind: 'ATTEMPT' } })).toBe(1);
  });
});

describe('Query.payments and the ledger', () => {
  it('is for ADMIN only and filters by status', async () => {
    expect(errorCodes(await h.gql(PAYMENTS, {}, viewerWith('CUSTOMER')))).toEqual(['FORBIDDEN']);
    const failed = await h.gql(PAYMENTS, { status: 'FAILED', pageSize: 100 });
    expect(failed.errors).toBeUndefined();
    expect(failed.data!.payments.items.length).toBeGreaterThan(0);
    expect(failed.data!.payments.items.every((item: { status: string }) => item.status === 'FAILED')).toBe(true);
    expect(failed.data!.payments.pageInfo.total).toBe(await h.prisma.payment.count({ where: { status: 'FAILED' } }));
    expect(errorCodes(await h.gql(PAYMENTS, { pageSize: 500 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses to change or delete ledger and refund rows (append-only)', async () => {
    const row = await h.prisma.paymentLedgerEntry.findFirstOrThrow();
    await expect(h.prisma.paymentLedgerEntry.update({ where: { id: row.id }, data: { note: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(h.prisma.paymentLedgerEntry.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    expect(await h.prisma.paymentLedgerEntry.findUnique({ where: { id: row.id } })).toEqual(row);
  });
});
