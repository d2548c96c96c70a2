import { randomUUID } from 'node:crypto';
import type { OrderStatus, PayloadOf, Subject } from '@drobble/schema/events';
import type { ScriptedOrder } from './scenario.ts';

type Publish = <S extends Subject>(subject: S, data: PayloadOf<S>, meta: { correlationId: string; occurredAt?: Date; id?: string }) => Promise<{ id: string }>;

const address = { fullName: 'Ann', line1: '1 Main St', line2: null, city: 'Springfield', region: null, postalCode: '12345', country: 'US', phone: null };

/** The events orders and payments would publish for one scripted order; `reversed` sends them newest first. */
export async function publishOrder(publish: Publish, order: ScriptedOrder, index: number, reversed = false) {
  const facts = { orderId: order.orderId, number: `ORD-20261123-${String(index).padStart(5, '0')}`, customerId: randomUUID(), email: 'ann@example.com', currency: order.currency };
  const correlationId = `order-${order.orderId}`;
  const placedAt = new Date((order.paidAt ?? new Date()).getTime() - 60_000);
  const status = (from: OrderStatus | null, to: OrderStatus, at: Date) => () =>
    publish('orders.order.status_changed.v1', { ...facts, from, to, reason: null, total: order.total, at: at.toISOString() }, { correlationId, occurredAt: at });
  const steps: (() => Promise<unknown>)[] = [
    () => publish('orders.order.placed.v1', {
      ...facts, cartId: null, lines: order.lines.map((line) => ({ ...line, sku: `SKU-${line.variantId.slice(0, 8)}`, productName: 'Thing' })),
      subtotal: order.total - 500, tax: 0, shippingCost: 500, total: order.total, shippingMethod: 'STANDARD', shippingAddress: address, placedAt: placedAt.toISOString(),
    }, { correlationId, occurredAt: placedAt }),
    status(null, 'PENDING', placedAt),
  ];
  let lastAt = placedAt;
  if (order.paidAt) {
    const paidAt = order.paidAt;
    steps.push(() => publish('orders.order.paid.v1', {
      ...facts, lines: order.lines.map((line) => ({ ...line, sku: `SKU-${line.variantId.slice(0, 8)}`, productName: 'Thing' })), total: order.total, paidAt: paidAt.toISOString(),
    }, { correlationId, occurredAt: paidAt }));
    steps.push(status('PENDING', 'PAID', paidAt));
    lastAt = paidAt;
  }
  let refunded = 0;
  for (const refund of order.refunds) {
    refunded += refund.amount;
    const totalRefunded = refunded;
    steps.push(() => publish('payments.payment.refunded.v1', {
      paymentId: randomUUID(), orderId: order.orderId, provider: 'TEST', amount: order.total, currency: order.currency,
      refundId: refund.refundId, refundRequestId: null, refunded: refund.amount, totalRefunded, full: totalRefunded === order.total,
    }, { correlationId, occurredAt: refund.at }));
    if (refund.at > lastAt) lastAt = refund.at;
  }
  if (order.status !== 'PAID') steps.push(status(order.paidAt ? 'PAID' : 'PENDING', order.status, new Date(lastAt.getTime() + 60_000)));
  for (const step of reversed ? steps.reverse() : steps) await step();
}
