import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, anonymous, errorsOf, startOrders, viewerWith, waitFor, type OrdersHarness } from './harness.ts';
import { answer, driveToReadyToShip, freshOrder, requests, statusOf, waitRequest, waitStatus } from './fixtures.ts';

let h: OrdersHarness;
beforeAll(async () => {
  h = await startOrders();
}, 120_000);
afterAll(async () => {
  await h?.stop();
});

const ORDER = `query ($id: ID!) { order(id: $id) { status failureReason history { status note } } }`;
const CANCEL = `mutation ($id: ID!) { cancelOrder(id: $id, reason: "changed my mind") { status failureReason } }`;

describe('the order saga', () => {
  it('runs PENDING -> STOCK_RESERVED -> PAID -> READY_TO_SHIP, then SHIPPED and DELIVERED by an admin, on one correlation id', async () => {
    const customer = viewerWith('CUSTOMER');
    const { order } = await freshOrder(h, customer);
    await driveToReadyToShip(h, order);
    const [payment] = requests(h, 'orders.order.payment_requested.v1', order.id);
    expect(payment!.data).toMatchObject({ amount: order.total.amount, currency: 'USD', provider: 'TEST', token: 'tok_visa', email: 'buyer@example.com' });
    expect(requests(h, 'orders.order.paid.v1', order.id)).toHaveLength(1);
    const shipped = await h.gql(`mutation ($id: ID!) { markOrderShipped(id: $id) { status } }`, { id: order.id }, admin);
    expect(shipped.data!.markOrderShipped.status).toBe('SHIPPED');
    expect(errorsOf(await h.gql(`mutation ($id: ID!) { markOrderDelivered(id: $id) { status } }`, { id: order.id }, customer))).toEqual([{ code: 'FORBIDDEN' }]);
    const delivered = await h.gql(`mutation ($id: ID!) { markOrderDelivered(id: $id) { status } }`, { id: order.id }, admin);
    expect(delivered.data!.markOrderDelivered.status).toBe('DELIVERED');
    const read = await h.gql(ORDER, { id: order.id }, customer);
    expect(read.data!.order.history.map((e: any) => e.status)).toEqual(['PENDING', 'STOCK_RESERVED', 'PAID', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED']);
    await waitFor(() => requests(h, 'orders.order.status_changed.v1', order.id).length === 6, 'six status events');
    const correlation = new Set(h.published.filter((e) => (e.data as any).orderId === order.id).map((e) => e.correlationId));
    expect(correlation.size).toBe(1);
    expect(errorsOf(await h.gql(CANCEL, { id: order.id }, customer))).toEqual([{ code: 'CONFLICT' }]);
  });

  it('fails with OUT_OF_STOCK and asks for no payment', async () => {
    const { order } = await freshOrder(h);
    await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
    await answer.outOfStock(h, order);
    await waitStatus(h, order.id, 'FAILED');
    expect((await h.gql(ORDER, { id: order.id }, admin)).data!.order.failureReason).toBe('OUT_OF_STOCK');
    await answer.reserved(h, order); // a late, contradictory answer is compensated, never charged
    await waitRequest(h, 'orders.order.stock_release_requested.v1', order.id);
    expect(requests(h, 'orders.order.payment_requested.v1', order.id)).toEqual([]);
  });

  it('releases the stock and fails with PAYMENT_DECLINED', async () => {
    const { order } = await freshOrder(h);
    await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
    await answer.reserved(h, order);
    await waitRequest(h, 'orders.order.payment_requested.v1', order.id);
    await answer.declined(h, order);
    await waitStatus(h, order.id, 'FAILED');
    const [release] = await waitRequest(h, 'orders.order.stock_release_requested.v1', order.id);
    expect(release!.data.reason).toBe('PAYMENT_DECLINED');
    expect((await h.gql(ORDER, { id: order.id }, admin)).data!.order.failureReason).toBe('PAYMENT_DECLINED');
  });

  it('cancels before payment: releases stock, no refund; a payment that still arrives is refunded', async () => {
    const customer = viewerWith('CUSTOMER');
    const { order } = await freshOrder(h, customer);
    await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
    await answer.reserved(h, order);
    await waitStatus(h, order.id, 'STOCK_RESERVED');
    expect(errorsOf(await h.gql(CANCEL, { id: order.id }, viewerWith('CUSTOMER')))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await h.gql(CANCEL, { id: order.id }, anonymous))).toEqual([{ code: 'UNAUTHENTICATED' }]);
    const cancelled = await h.gql(CANCEL, { id: order.id }, customer);
    expect(cancelled.data!.cancelOrder).toEqual({ status: 'CANCELLED', failureReason: 'changed my mind' });
    await waitRequest(h, 'orders.order.stock_release_requested.v1', order.id);
    expect(requests(h, 'orders.order.refund_requested.v1', order.id)).toEqual([]);
    await answer.paid(h, order);
    const [refund] = await waitRequest(h, 'orders.order.refund_requested.v1', order.id);
    expect(refund!.data.amount).toBeNull();
    expect(await statusOf(h, order.id)).toBe('CANCELLED');
  });

  it('cancels after payment: releases stock and refunds everything', async () => {
    const customer = viewerWith('CUSTOMER');
    const { order } = await freshOrder(h, customer);
    await driveToReadyToShip(h, order);
    const cancelled = await h.gql(CANCEL, { id: order.id }, admin);
    expect(cancelled.data!.cancelOrder.status).toBe('CANCELLED');
    await waitRequest(h, 'orders.order.stock_release_requested.v1', order.id);
    const [refund] = await waitRequest(h, 'orders.order.refund_requested.v1', order.id);
    await answer.refunded(h, order, refund!.data.refundRequestId, order.total.amount, order.total.amount);
    await waitFor(async () => (await h.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).refundedAmount === order.total.amount, 'refund recorded');
    expect(await statusOf(h, order.id)).toBe('CANCELLED');
  });

  it('refunds partially, then fully (REFUNDED), refusing more than was paid', async () => {
    const { order } = await freshOrder(h);
    await driveToReadyToShip(h, order);
    const REFUND = `mutation ($id: ID!, $amount: Int) { refundOrder(id: $id, amount: $amount, reason: "damaged") { status } }`;
    expect(errorsOf(await h.gql(REFUND, { id: order.id, amount: order.total.amount + 1 }, admin))).toEqual([{ code: 'BAD_USER_INPUT', field: 'amount' }]);
    expect(errorsOf(await h.gql(REFUND, { id: order.id, amount: 100 }, viewerWith('SUPPORT')))).toEqual([{ code: 'FORBIDDEN' }]);
    expect((await h.gql(REFUND, { id: order.id, amount: 500 }, admin)).data!.refundOrder.status).toBe('READY_TO_SHIP');
    const [partial] = await waitRequest(h, 'orders.order.refund_requested.v1', order.id);
    expect(partial!.data.amount).toBe(500);
    await answer.refunded(h, order, partial!.data.refundRequestId, 500, 500);
    await waitFor(async () => (await h.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).refundedAmount === 500, 'partial refund');
    expect(await statusOf(h, order.id)).toBe('READY_TO_SHIP');
    await h.gql(REFUND, { id: order.id }, admin);
    const [, rest] = await waitRequest(h, 'orders.order.refund_requested.v1', order.id, 2);
    expect(rest!.data.amount).toBe(order.total.amount - 500);
    expect(errorsOf(await h.gql(REFUND, { id: order.id, amount: 1 }, admin))).toEqual([{ code: 'CONFLICT' }]);
    await answer.refunded(h, order, rest!.data.refundRequestId, order.total.amount - 500, order.total.amount);
    await waitStatus(h, order.id, 'REFUNDED');
  });

  it('waits in AWAITING_PAYMENT, then times out: stock released, CANCELLED (PAYMENT_TIMEOUT)', async () => {
    await h.restart({ ORDER_PAYMENT_TIMEOUT_SECONDS: '2' });
    try {
      const { order } = await freshOrder(h);
      await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
      await answer.reserved(h, order);
      await waitRequest(h, 'orders.order.payment_requested.v1', order.id);
      await answer.requiresAction(h, order);
      await waitStatus(h, order.id, 'AWAITING_PAYMENT');
      await waitStatus(h, order.id, 'CANCELLED', 20_000);
      const [release] = await waitRequest(h, 'orders.order.stock_release_requested.v1', order.id);
      expect(release!.data.reason).toBe('PAYMENT_TIMEOUT');
      expect((await h.gql(ORDER, { id: order.id }, admin)).data!.order.failureReason).toBe('PAYMENT_TIMEOUT');
    } finally {
      await h.restart();
    }
  });
});

describe('deadlines and expiries', () => {
  it('fails an order inventory never answers (RESERVATION_TIMEOUT) and releases a late reservation', async () => {
    await h.restart({ ORDER_RESERVATION_TIMEOUT_SECONDS: '1' });
    try {
      const { order } = await freshOrder(h);
      await waitStatus(h, order.id, 'FAILED', 20_000);
      expect((await h.gql(ORDER, { id: order.id }, admin)).data!.order.failureReason).toBe('RESERVATION_TIMEOUT');
      await answer.reserved(h, order);
      await waitRequest(h, 'orders.order.stock_release_requested.v1', order.id, 2);
      expect(requests(h, 'orders.order.payment_requested.v1', order.id)).toEqual([]);
    } finally {
      await h.restart();
    }
  });

  it('cancels an unpaid order whose reservation expired (RESERVATION_EXPIRED)', async () => {
    const { order } = await freshOrder(h);
    await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
    await answer.reserved(h, order);
    await waitStatus(h, order.id, 'STOCK_RESERVED');
    await h.publish('inventory.reservation.released.v1', { orderId: order.id, reason: 'EXPIRED', expired: true, restocked: false });
    await waitStatus(h, order.id, 'CANCELLED');
    expect((await h.prisma.sagaState.findUniqueOrThrow({ where: { orderId: order.id } })).stockReleased).toBe(true);
  });
});

describe('resilience', () => {
  it('resumes the saga after the orders service stops mid-saga and a new one starts', async () => {
    const { order } = await freshOrder(h);
    await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
    await h.stopService();
    await answer.reserved(h, order); // arrives while orders is down
    await h.startService();
    await waitRequest(h, 'orders.order.payment_requested.v1', order.id);
    await h.stopService();
    await answer.paid(h, order);
    await h.startService();
    await waitRequest(h, 'orders.order.shipment_requested.v1', order.id);
    await answer.shipped(h, order);
    await waitStatus(h, order.id, 'READY_TO_SHIP');
    expect(requests(h, 'orders.order.payment_requested.v1', order.id)).toHaveLength(1);
  });

  it('publishes outbox rows left unsent by a stopped process, and a republished row is dropped as a duplicate', async () => {
    const { order } = await freshOrder(h);
    const [reservation] = await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
    // The relay "died" between publish and mark-sent: the row is unsent again and a new process republishes it.
    await h.prisma.outboxEvent.update({ where: { id: reservation!.id }, data: { publishedAt: null } });
    await h.restart();
    await waitFor(async () => (await h.prisma.outboxEvent.findUniqueOrThrow({ where: { id: reservation!.id } })).publishedAt !== null, 'republished');
    expect((await h.bus.publish('orders.order.stock_reservation_requested.v1', reservation!)).duplicate).toBe(true);
    // The same answer twice (a redelivery): handled once.
    const confirmed = await answer.reserved(h, order);
    await waitStatus(h, order.id, 'STOCK_RESERVED');
    await h.bus.publish('inventory.reservation.confirmed.v1', { ...confirmed, id: confirmed.id });
    const inbox = await waitFor(async () => h.prisma.inboxEvent.findMany({ where: { eventId: confirmed.id } }), 'inbox');
    expect(inbox).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(requests(h, 'orders.order.payment_requested.v1', order.id)).toHaveLength(1);
    expect(await h.prisma.orderHistoryEntry.count({ where: { orderId: order.id, status: 'STOCK_RESERVED' } })).toBe(1);
  });

  it('dead-letters an event that keeps failing, shows it to admins, and re-delivers it on retry', async () => {
    const { order } = await freshOrder(h);
    await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
    await answer.reserved(h, order);
    await waitStatus(h, order.id, 'STOCK_RESERVED');
    const early = await answer.shipped(h, order); // before payment: retried, then given up after 3 deliveries
    const LETTERS = `{ deadLetters(durable: "orders-saga-shipping") { durable subject eventId deliveryCount error retriedAt event } }`;
    const letters = await waitFor(async () => {
      const response = await h.gql(LETTERS, {}, admin);
      return response.data?.deadLetters.find((l: any) => l.eventId === early.id);
    }, 'dead letter', 30_000);
    expect(letters).toMatchObject({ durable: 'orders-saga-shipping', subject: 'shipping.shipment.prepared.v1', deliveryCount: 3, retriedAt: null });
    expect(JSON.parse(letters.event).id).toBe(early.id);
    expect(errorsOf(await h.gql(LETTERS, {}, viewerWith('SUPPORT')))).toEqual([{ code: 'FORBIDDEN' }]);
    const RETRY = `mutation ($id: ID!) { retryDeadLetter(durable: "orders-saga-shipping", eventId: $id) { eventId retriedAt } }`;
    expect(errorsOf(await h.gql(RETRY, { id: early.id }, admin))).toEqual([{ code: 'CONFLICT' }]); // still not paid
    await answer.paid(h, order);
    await waitStatus(h, order.id, 'PAID');
    const retried = await h.gql(RETRY, { id: early.id }, admin);
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.retryDeadLetter.retriedAt).not.toBeNull();
    expect(await statusOf(h, order.id)).toBe('READY_TO_SHIP');
  });
});
