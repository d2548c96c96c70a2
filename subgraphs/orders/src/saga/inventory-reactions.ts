import { AWAITING_PAYMENT_STATUSES } from '../domain/order-status.ts';
import { statusOf } from '../infra/order-repository.ts';
import { after, EarlyEventError, lockKnownOrder, type Reaction } from './context.ts';
import { requestPayment, requestStockRelease } from './requests.ts';
import { changeStatus, sagaMeta, setSagaStep } from './status-change.ts';

/** inventory.reservation.confirmed: take the payment; or give back stock the order no longer wants. */
export async function onReservationConfirmed({ tx, event, config }: Reaction<'inventory.reservation.confirmed.v1'>) {
  const order = await lockKnownOrder(tx, event.data.orderId);
  const meta = sagaMeta(order, event.id);
  const status = statusOf(order);
  if (status === 'PENDING') {
    const reserved = await changeStatus(tx, order, { to: 'STOCK_RESERVED' }, meta);
    await requestPayment(tx, reserved, meta);
    await setSagaStep(tx, order.id, 'PAYMENT', after(config.paymentTimeoutMs));
  } else if (status === 'CANCELLED' || status === 'FAILED') {
    // Cancelled or timed out while inventory was reserving: compensate the late reservation.
    await requestStockRelease(tx, order, `ORDER_${status}`, meta);
  }
}

/** inventory.reservation.rejected: FAILED with the reason (OUT_OF_STOCK); nothing was reserved or charged. */
export async function onReservationRejected({ tx, event }: Reaction<'inventory.reservation.rejected.v1'>) {
  const order = await lockKnownOrder(tx, event.data.orderId);
  if (statusOf(order) !== 'PENDING') return;
  await changeStatus(tx, order, { to: 'FAILED', reason: event.data.reason }, sagaMeta(order, event.id));
  await setSagaStep(tx, order.id, 'DONE', null);
}

/** inventory.reservation.released: note the compensation ran; an expired reservation cancels an unpaid order. */
export async function onReservationReleased({ tx, event }: Reaction<'inventory.reservation.released.v1'>) {
  const order = await lockKnownOrder(tx, event.data.orderId);
  await tx.sagaState.updateMany({ where: { orderId: order.id }, data: { stockReleased: true } });
  if (event.data.expired && AWAITING_PAYMENT_STATUSES.includes(statusOf(order))) {
    await changeStatus(tx, order, { to: 'CANCELLED', reason: 'RESERVATION_EXPIRED' }, sagaMeta(order, event.id));
    await setSagaStep(tx, order.id, 'DONE', null);
  }
}

/** shipping.shipment.prepared: READY_TO_SHIP (tracking is on Order.shipment, owned by shipping). */
export async function onShipmentPrepared({ tx, event }: Reaction<'shipping.shipment.prepared.v1'>) {
  const order = await lockKnownOrder(tx, event.data.orderId);
  const status = statusOf(order);
  if (status === 'PENDING' || AWAITING_PAYMENT_STATUSES.includes(status)) throw new EarlyEventError('shipping.shipment.prepared.v1', order);
  if (status !== 'PAID') return;
  await changeStatus(tx, order, { to: 'READY_TO_SHIP', note: `${event.data.carrier} ${event.data.trackingNumber}` }, sagaMeta(order, event.id));
  await setSagaStep(tx, order.id, 'DONE', null);
}
