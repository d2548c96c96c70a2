import { randomUUID } from 'node:crypto';
import type { OrderStatus, PayloadOf } from '@drobble/schema/events';

/** An order's facts as orders publishes them, for one customer. */
export function orderFacts(customerId: string | null = randomUUID(), email = `buyer-${randomUUID().slice(0, 8)}@example.com`) {
  const orderId = randomUUID();
  const facts = { orderId, number: `ORD-20261123-${randomUUID().replaceAll('-', '').slice(0, 5).toUpperCase()}`, customerId, email, currency: 'USD' };
  const line = { variantId: randomUUID(), productId: randomUUID(), sku: 'MUG-1', productName: 'Mug <Deluxe>', quantity: 2, unitPrice: 1250 };
  const address = { fullName: 'Ann', line1: '1 Main St', line2: null, city: 'Springfield', region: null, postalCode: '12345', country: 'US', phone: null };
  return {
    facts,
    placed: {
      ...facts, cartId: null, lines: [line], subtotal: 2500, tax: 0, shippingCost: 500, total: 3000,
      shippingMethod: 'STANDARD', shippingAddress: address, placedAt: new Date().toISOString(),
    } satisfies PayloadOf<'orders.order.placed.v1'>,
    status: (from: OrderStatus | null, to: OrderStatus, reason: string | null = null) =>
      ({ ...facts, from, to, reason, total: 3000, at: new Date().toISOString() }) satisfies PayloadOf<'orders.order.status_changed.v1'>,
    succeeded: { paymentId: randomUUID(), orderId, provider: 'TEST', amount: 3000, currency: 'USD' } satisfies PayloadOf<'payments.payment.succeeded.v1'>,
  };
}
