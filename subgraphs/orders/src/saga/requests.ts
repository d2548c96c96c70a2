import { randomUUID } from 'node:crypto';
import type { EventMeta } from '@drobble/schema/events';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import type { OrderRecord } from '../infra/order-repository.ts';
import type { Tx } from '../infra/prisma.ts';
import { orderFacts } from './status-change.ts';

/** The saga's requests to other contexts; each is an outbox row in the caller's transaction. */

export function requestStockReservation(tx: Tx, order: OrderRecord, meta: EventMeta) {
  const lines = order.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity }));
  return recordEvent(tx, 'orders.order.stock_reservation_requested.v1', { orderId: order.id, lines }, meta);
}

export async function requestStockRelease(tx: Tx, order: OrderRecord, reason: string, meta: EventMeta) {
  await tx.sagaState.updateMany({ where: { orderId: order.id }, data: { stockReleased: false } });
  return recordEvent(tx, 'orders.order.stock_release_requested.v1', { orderId: order.id, reason }, meta);
}

export function requestPayment(tx: Tx, order: OrderRecord, meta: EventMeta) {
  return recordEvent(
    tx,
    'orders.order.payment_requested.v1',
    {
      orderId: order.id,
      customerId: order.customerId,
      email: order.email,
      amount: order.total,
      currency: order.currency,
      provider: order.paymentProvider as 'TEST' | 'STRIPE',
      token: order.paymentToken,
    },
    meta,
  );
}

export function requestShipment(tx: Tx, order: OrderRecord, meta: EventMeta) {
  return recordEvent(
    tx,
    'orders.order.shipment_requested.v1',
    {
      orderId: order.id,
      number: order.number,
      shippingMethod: order.shippingMethod as 'STANDARD' | 'EXPRESS',
      shippingAddress: order.shippingAddress as never,
      lines: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    },
    meta,
  );
}

export function publishPaid(tx: Tx, order: OrderRecord, meta: EventMeta) {
  const lines = order.lines.map(({ variantId, productId, sku, productName, quantity, unitPrice }) => ({ variantId, productId, sku, productName, quantity, unitPrice }));
  return recordEvent(tx, 'orders.order.paid.v1', { ...orderFacts(order), lines, total: order.total, paidAt: new Date().toISOString() }, meta);
}

/** A refund of `amount` (null: everything not yet refunded), remembered so its outcome can be matched. */
export async function requestRefund(tx: Tx, order: OrderRecord, amount: number | null, reason: string, meta: EventMeta) {
  const refundRequestId = randomUUID();
  await tx.refundRequest.create({ data: { id: refundRequestId, orderId: order.id, amount, reason, status: 'REQUESTED' } });
  await recordEvent(tx, 'orders.order.refund_requested.v1', { orderId: order.id, refundRequestId, amount, reason }, meta);
  return refundRequestId;
}
