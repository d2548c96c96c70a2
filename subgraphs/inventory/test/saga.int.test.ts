import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@drobble/kit/logger';
import { createEvent } from '@drobble/schema/events';
import { reserveStock } from '../src/application/reserve-stock.ts';
import { eventsFor, eventually, startInventory, stockChanges, type InventoryHarness } from './harness.ts';

let h: InventoryHarness;
beforeAll(async () => {
  h = await startInventory();
});
afterAll(() => h?.stop());

const stockOf = async (variantId: string) => {
  const row = await h.prisma.stockItem.findUniqueOrThrow({ where: { variantId } });
  return { onHand: row.onHand, reserved: row.reserved };
};
const reserve = (orderId: string, lines: { variantId: string; quantity: number }[]) => h.publish('orders.order.stock_reservation_requested.v1', { orderId, lines });
const answerFor = (orderId: string) =>
  eventually(() => {
    const answer = [...eventsFor(h, 'inventory.reservation.confirmed', orderId), ...eventsFor(h, 'inventory.reservation.rejected', orderId)][0];
    if (!answer) throw new Error(`no answer for ${orderId} yet`);
    return answer;
  });
const paidEvent = (orderId: string, variantId: string, quantity: number) => ({
  orderId, number: 'ORD-20261123-ABCDE', customerId: null, email: 'buyer@example.com', currency: 'USD', total: 1000 * quantity,
  paidAt: new Date().toISOString(), lines: [{ variantId, productId: randomUUID(), sku: 'SKU', productName: 'Thing', quantity, unitPrice: 1000 }],
});

describe('reservations for the order saga', () => {
  it('learns variants and their initial stock from catalog.product.created.v1', async () => {
    const { productId, variantIds } = await h.product([7, 0]);
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 7, reserved: 0 });
    await eventually(() => expect(stockChanges(h).filter((e) => e.productId === productId).map((e) => e.reason)).toEqual(['INITIAL', 'INITIAL']));
  });

  it('reserves every line and confirms with expiresAt; the same order asked twice reserves nothing more', async () => {
    const { variantIds: [a, b] } = await h.product([5, 3]);
    const orderId = randomUUID();
    const request = await reserve(orderId, [{ variantId: a!, quantity: 2 }, { variantId: b!, quantity: 3 }, { variantId: a!, quantity: 1 }]);
    const answer = await answerFor(orderId);
    expect(answer.type).toBe('inventory.reservation.confirmed');
    expect(answer.correlationId).toBe(request.correlationId);
    expect(answer.causationId).toBe(request.id);
    expect(new Date((answer.data as { expiresAt: string }).expiresAt).getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect(await stockOf(a!)).toEqual({ onHand: 5, reserved: 3 });
    expect(await stockOf(b!)).toEqual({ onHand: 3, reserved: 3 });
    await reserve(orderId, [{ variantId: a!, quantity: 2 }]);
    await eventually(() => expect(eventsFor(h, 'inventory.reservation.confirmed', orderId)).toHaveLength(2));
    expect(await stockOf(a!)).toEqual({ onHand: 5, reserved: 3 });
  });

  it('reserves nothing when one line is short, and names it (OUT_OF_STOCK)', async () => {
    const { variantIds: [a, b] } = await h.product([5, 1]);
    const orderId = randomUUID();
    await reserve(orderId, [{ variantId: a!, quantity: 2 }, { variantId: b!, quantity: 2 }]);
    expect((await answerFor(orderId)).data).toEqual({ orderId, reason: 'OUT_OF_STOCK', unavailable: [{ variantId: b, requested: 2, available: 1 }] });
    expect(await stockOf(a!)).toEqual({ onHand: 5, reserved: 0 });
    expect(await h.prisma.reservation.count({ where: { orderId } })).toBe(0);
  });

  it('rejects an unknown variant with UNKNOWN_VARIANT', async () => {
    const orderId = randomUUID();
    const ghost = randomUUID();
    await reserve(orderId, [{ variantId: ghost, quantity: 1 }]);
    expect((await answerFor(orderId)).data).toMatchObject({ reason: 'UNKNOWN_VARIANT', unavailable: [{ variantId: ghost, requested: 1, available: 0 }] });
  });

  it('a redelivered request (same event id) is handled once', async () => {
    const { variantIds: [a] } = await h.product([4]);
    const orderId = randomUUID();
    const event = createEvent('orders.order.stock_reservation_requested.v1', { orderId, lines: [{ variantId: a!, quantity: 1 }] }, { correlationId: randomUUID(), actor: null });
    await h.bus.publish('orders.order.stock_reservation_requested.v1', event);
    await answerFor(orderId);
    const deps = { prisma: h.prisma, logger: createLogger('t', 'silent'), reservationTtlMs: 60_000, defaultLowStockThreshold: 5 };
    expect(await reserveStock(deps, event)).toBe(false);
    expect(await stockOf(a!)).toEqual({ onHand: 4, reserved: 1 });
  });

  it('paid commits the reservation; a later release restocks it', async () => {
    const { variantIds: [a] } = await h.product([6]);
    const orderId = randomUUID();
    await reserve(orderId, [{ variantId: a!, quantity: 4 }]);
    await answerFor(orderId);
    await h.publish('orders.order.paid.v1', paidEvent(orderId, a!, 4));
    await eventually(async () => expect(await stockOf(a!)).toEqual({ onHand: 2, reserved: 0 }));
    expect((await h.prisma.reservation.findUniqueOrThrow({ where: { orderId } })).status).toBe('COMMITTED');
    await h.publish('orders.order.stock_release_requested.v1', { orderId, reason: 'CANCELLED_BY_CUSTOMER' });
    const released = await eventually(() => eventsFor(h, 'inventory.reservation.released', orderId)[0] ?? Promise.reject(new Error('not yet')));
    expect(released.data).toEqual({ orderId, reason: 'CANCELLED_BY_CUSTOMER', expired: false, restocked: true });
    expect(await stockOf(a!)).toEqual({ onHand: 6, reserved: 0 });
    const movements = await h.prisma.stockMovement.findMany({ where: { variantId: a! }, orderBy: { createdAt: 'asc' } });
    expect(movements.map((m) => [m.reason, m.onHandDelta, m.reservedDelta])).toEqual([['INITIAL', 6, 0], ['RESERVED', 0, 4], ['COMMITTED', -4, -4], ['RESTOCKED', 4, 0]]);
  });

  it('a release request frees reserved units and publishes stock.changed', async () => {
    const { variantIds: [a] } = await h.product([3]);
    const orderId = randomUUID();
    await reserve(orderId, [{ variantId: a!, quantity: 3 }]);
    await answerFor(orderId);
    await h.publish('orders.order.stock_release_requested.v1', { orderId, reason: 'PAYMENT_DECLINED' });
    await eventually(() => expect(eventsFor(h, 'inventory.reservation.released', orderId).map((e) => e.data)).toEqual([{ orderId, reason: 'PAYMENT_DECLINED', expired: false, restocked: false }]));
    expect(await stockOf(a!)).toEqual({ onHand: 3, reserved: 0 });
    await eventually(() => expect(stockChanges(h).filter((e) => e.variantId === a).map((e) => [e.reason, e.available])).toEqual([['INITIAL', 3], ['RESERVED', 0], ['RELEASED', 3]]));
  });

  it('20 concurrent requests over the bus for the last 5 units reserve exactly 5', async () => {
    const { variantIds: [a] } = await h.product([5]);
    const orders = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(orders.map((orderId) => reserve(orderId, [{ variantId: a!, quantity: 1 }])));
    const answers = await Promise.all(orders.map(answerFor));
    expect(answers.filter((answer) => answer.type === 'inventory.reservation.confirmed')).toHaveLength(5);
    expect(answers.filter((answer) => answer.type === 'inventory.reservation.rejected')).toHaveLength(15);
    expect(await stockOf(a!)).toEqual({ onHand: 5, reserved: 5 });
    await eventually(() => expect(stockChanges(h).filter((e) => e.variantId === a).map((e) => e.available)).toEqual([5, 4, 3, 2, 1, 0]));
  });

  it('20 concurrent use-case calls racing on the database for the last 5 units reserve exactly 5', async () => {
    const { variantIds: [a, b] } = await h.product([5, 50]);
    const deps = { prisma: h.prisma, logger: createLogger('t', 'silent'), reservationTtlMs: 60_000, defaultLowStockThreshold: 5 };
    // Two lines each, so a request that fails on `a` must not keep its `b` units either.
    const events = Array.from({ length: 20 }, () =>
      createEvent('orders.order.stock_reservation_requested.v1', { orderId: randomUUID(), lines: [{ variantId: b!, quantity: 2 }, { variantId: a!, quantity: 1 }] }, { correlationId: randomUUID(), actor: null }),
    );
    const results = await Promise.allSettled(events.map((event) => reserveStock(deps, event)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await stockOf(a!)).toEqual({ onHand: 5, reserved: 5 });
    expect(await stockOf(b!)).toEqual({ onHand: 50, reserved: 10 });
    expect(await h.prisma.reservation.count({ where: { orderId: { in: events.map((event) => event.data.orderId) } } })).toBe(5);
  });
});
