import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInventoryConfig } from '../src/config.ts';
import { eventsFor, eventually, startInventory, type InventoryHarness } from './harness.ts';

let h: InventoryHarness;
beforeAll(async () => {
  h = await startInventory({ RESERVATION_TTL_SECONDS: '1', RESERVATION_SWEEP_INTERVAL_MS: '200' });
});
afterAll(() => h?.stop());

describe('reservation expiry', () => {
  it('releases an unpaid reservation after its TTL (released with expired: true)', async () => {
    const { variantIds: [a] } = await h.product([3]);
    const orderId = randomUUID();
    const request = await h.publish('orders.order.stock_reservation_requested.v1', { orderId, lines: [{ variantId: a!, quantity: 2 }] });
    const released = await eventually(() => eventsFor(h, 'inventory.reservation.released', orderId)[0] ?? Promise.reject(new Error('not yet')));
    expect(released.data).toEqual({ orderId, reason: 'EXPIRED', expired: true, restocked: false });
    expect(released.correlationId).toBe(request.correlationId);
    expect(eventsFor(h, 'inventory.reservation.confirmed', orderId)).toHaveLength(1);
    expect(await h.prisma.stockItem.findUniqueOrThrow({ where: { variantId: a! } })).toMatchObject({ onHand: 3, reserved: 0 });
    expect((await h.prisma.reservation.findUniqueOrThrow({ where: { orderId } })).status).toBe('RELEASED');
  });

  it('a paid reservation no longer expires', async () => {
    const { variantIds: [a] } = await h.product([3]);
    const orderId = randomUUID();
    // Paid at once: the commit may race the 1 s TTL, so check whichever won left consistent stock.
    await h.publish('orders.order.stock_reservation_requested.v1', { orderId, lines: [{ variantId: a!, quantity: 1 }] });
    await eventually(() => eventsFor(h, 'inventory.reservation.confirmed', orderId)[0] ?? Promise.reject(new Error('not yet')));
    await h.publish('orders.order.paid.v1', {
      orderId, number: 'ORD-20261123-ABCDE', customerId: null, email: 'b@example.com', currency: 'USD', total: 1, paidAt: new Date().toISOString(),
      lines: [{ variantId: a!, productId: randomUUID(), sku: 'S', productName: 'P', quantity: 1, unitPrice: 1 }],
    });
    const status = await eventually(async () => {
      const row = await h.prisma.reservation.findUniqueOrThrow({ where: { orderId } });
      if (row.status === 'ACTIVE') throw new Error('not settled');
      return row.status;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const item = await h.prisma.stockItem.findUniqueOrThrow({ where: { variantId: a! } });
    if (status === 'COMMITTED') {
      expect(item).toMatchObject({ onHand: 2, reserved: 0 });
      expect((await h.prisma.reservation.findUniqueOrThrow({ where: { orderId } })).status).toBe('COMMITTED');
      expect(eventsFor(h, 'inventory.reservation.released', orderId)).toHaveLength(0);
    } else {
      expect(item).toMatchObject({ onHand: 3, reserved: 0 });
    }
  });

  it('the TTL is validated at start', () => {
    expect(parseInventoryConfig({}).RESERVATION_TTL_SECONDS).toBe(1_800);
    expect(() => parseInventoryConfig({ RESERVATION_TTL_SECONDS: '0' })).toThrow(/RESERVATION_TTL_SECONDS/);
    expect(() => parseInventoryConfig({ RESERVATION_TTL_SECONDS: 'soon' })).toThrow(/RESERVATION_TTL_SECONDS/);
    expect(() => parseInventoryConfig({ RESERVATION_TTL_SECONDS: '600', ORDER_PAYMENT_TIMEOUT_SECONDS: '900' })).toThrow(/longer than ORDER_PAYMENT_TIMEOUT_SECONDS/);
    expect(parseInventoryConfig({ ORDER_PAYMENT_TIMEOUT_SECONDS: '900' }).RESERVATION_TTL_SECONDS).toBe(1_800);
  });
});
