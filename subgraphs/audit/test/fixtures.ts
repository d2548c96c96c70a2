import { randomUUID } from 'node:crypto';
import type { PayloadOf } from '@drobble/schema/events';

/** Payloads of one order's saga, as orders, inventory, payments and shipping publish them. */
export function orderChain(orderId = randomUUID()) {
  const line = { variantId: randomUUID(), productId: randomUUID(), sku: 'SKU-1', productName: 'Mug', quantity: 2, unitPrice: 1250 };
  const facts = { orderId, number: 'ORD-20261123-AB12C', customerId: randomUUID(), email: 'ann@example.com', currency: 'USD' };
  const address = { fullName: 'Ann', line1: '1 Main St', line2: null, city: 'Springfield', region: null, postalCode: '12345', country: 'US', phone: null };
  const paymentId = randomUUID();
  const placed: PayloadOf<'orders.order.placed.v1'> = {
    ...facts, cartId: null, lines: [line], subtotal: 2500, tax: 0, shippingCost: 500, total: 3000,
    shippingMethod: 'STANDARD', shippingAddress: address, placedAt: new Date().toISOString(),
  };
  return {
    facts,
    placed,
    pending: { ...facts, from: null, to: 'PENDING', reason: null, total: 3000, at: new Date().toISOString() } satisfies PayloadOf<'orders.order.status_changed.v1'>,
    reserve: { orderId, lines: [{ variantId: line.variantId, quantity: 2 }] } satisfies PayloadOf<'orders.order.stock_reservation_requested.v1'>,
    reserved: { orderId, lines: [{ variantId: line.variantId, quantity: 2 }], expiresAt: new Date(Date.now() + 3_600_000).toISOString() } satisfies PayloadOf<'inventory.reservation.confirmed.v1'>,
    pay: { orderId, customerId: facts.customerId, email: facts.email, amount: 3000, currency: 'USD', provider: 'TEST', token: 'tok_visa' } satisfies PayloadOf<'orders.order.payment_requested.v1'>,
    succeeded: { paymentId, orderId, provider: 'TEST', amount: 3000, currency: 'USD' } satisfies PayloadOf<'payments.payment.succeeded.v1'>,
    paid: { ...facts, lines: [line], total: 3000, paidAt: new Date().toISOString() } satisfies PayloadOf<'orders.order.paid.v1'>,
  };
}
