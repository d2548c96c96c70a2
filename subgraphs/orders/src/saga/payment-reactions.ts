import { randomUUID } from 'node:crypto';
import { AWAITING_PAYMENT_STATUSES, PAID_STATUSES } from '../domain/order-status.ts';
import { statusOf, type OrderRecord } from '../infra/order-repository.ts';
import { EarlyEventError, lockKnownOrder, type Reaction } from './context.ts';
import { publishPaid, requestRefund, requestShipment, requestStockRelease } from './requests.ts';
import { changeStatus, sagaMeta, setSagaStep } from './status-change.ts';

/** A payment event for an order that is not waiting for one yet: retried later. */
function assertAsked(subject: string, order: OrderRecord) {
  if (statusOf(order) === 'PENDING') throw new EarlyEventError(subject, order);
}

/** payments.payment.succeeded: PAID, orders.order.paid, ask shipping; refund a payment that came after a cancel. */
export async function onPaymentSucceeded({ tx, event }: Reaction<'payments.payment.succeeded.v1'>) {
  const order = await lockKnownOrder(tx, event.data.orderId);
  assertAsked('payments.payment.succeeded.v1', order);
  const meta = sagaMeta(order, event.id);
  const status = statusOf(order);
  if (AWAITING_PAYMENT_STATUSES.includes(status)) {
    if (event.data.amount !== order.total || event.data.currency !== order.currency) {
      throw new Error(`payment ${event.data.paymentId} is ${event.data.amount} ${event.data.currency}, order ${order.id} is ${order.total} ${order.currency}`);
    }
    const paid = await changeStatus(tx, order, { to: 'PAID' }, meta);
    await tx.sagaState.update({ where: { orderId: order.id }, data: { paymentId: event.data.paymentId } });
    await publishPaid(tx, paid, meta);
    await requestShipment(tx, paid, meta);
    await setSagaStep(tx, order.id, 'SHIPMENT', null);
  } else if (status === 'CANCELLED' || status === 'FAILED') {
    // The money arrived after the order gave up (timeout, cancel): give it back.
    await requestRefund(tx, order, null, `PAYMENT_AFTER_${status}`, meta);
  }
}

/** payments.payment.requires_action: the customer must confirm (Stripe); the timeout keeps running. */
export async function onPaymentRequiresAction({ tx, event }: Reaction<'payments.payment.requires_action.v1'>) {
  const order = await lockKnownOrder(tx, event.data.orderId);
  assertAsked('payments.payment.requires_action.v1', order);
  if (statusOf(order) !== 'STOCK_RESERVED') return;
  await changeStatus(tx, order, { to: 'AWAITING_PAYMENT' }, sagaMeta(order, event.id));
  await tx.sagaState.update({ where: { orderId: order.id }, data: { paymentId: event.data.paymentId } });
}

/** payments.payment.failed: release the stock, FAILED (PAYMENT_DECLINED, or PAYMENT_<reason>). */
export async function onPaymentFailed({ tx, event }: Reaction<'payments.payment.failed.v1'>) {
  const order = await lockKnownOrder(tx, event.data.orderId);
  assertAsked('payments.payment.failed.v1', order);
  if (!AWAITING_PAYMENT_STATUSES.includes(statusOf(order))) return;
  const reason = event.data.reason === 'DECLINED' ? 'PAYMENT_DECLINED' : `PAYMENT_${event.data.reason}`;
  const meta = sagaMeta(order, event.id);
  await requestStockRelease(tx, order, reason, meta);
  await changeStatus(tx, order, { to: 'FAILED', reason, note: event.data.message }, meta);
  await setSagaStep(tx, order.id, 'DONE', null);
}

/** payments.payment.refunded: remember how much went back; REFUNDED once everything did (unless cancelled). */
export async function onPaymentRefunded({ tx, event }: Reaction<'payments.payment.refunded.v1'>) {
  const order = await lockKnownOrder(tx, event.data.orderId);
  const { refundRequestId, totalRefunded, refunded, full, currency } = event.data;
  if (refundRequestId) await tx.refundRequest.updateMany({ where: { id: refundRequestId, orderId: order.id }, data: { status: 'DONE' } });
  await tx.order.update({ where: { id: order.id }, data: { refundedAmount: Math.max(order.refundedAmount, totalRefunded) } });
  const meta = sagaMeta(order, event.id);
  if (full && PAID_STATUSES.includes(statusOf(order))) {
    await changeStatus(tx, order, { to: 'REFUNDED', reason: 'REFUNDED', note: `Refunded ${refunded} ${currency}` }, meta);
    return;
  }
  await tx.orderHistoryEntry.create({ data: { id: randomUUID(), orderId: order.id, status: order.status, note: `Refunded ${refunded} ${currency}` } });
}

/** payments.refund.failed: the request is marked failed and an internal note tells the staff. */
export async function onRefundFailed({ tx, event }: Reaction<'payments.refund.failed.v1'>) {
  const order = await lockKnownOrder(tx, event.data.orderId);
  await tx.refundRequest.updateMany({ where: { id: event.data.refundRequestId, orderId: order.id }, data: { status: 'FAILED' } });
  const note = `Refund failed: ${event.data.reason}${event.data.message ? ` (${event.data.message})` : ''}`;
  await tx.orderNote.create({ data: { id: randomUUID(), orderId: order.id, authorId: null, note } });
}
