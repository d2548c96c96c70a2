import { randomUUID } from 'node:crypto';
import { requireRole } from '@drobble/kit/auth/guards';
import { badInput, conflict } from '@drobble/kit/errors';
import { PAID_STATUSES } from '../domain/order-status.ts';
import { findOrder, statusOf, type OrderRecord } from '../infra/order-repository.ts';
import { requestRefund } from '../saga/requests.ts';
import { changeStatus } from '../saga/status-change.ts';
import type { Caller, OrdersDeps } from './deps.ts';
import { onOrder } from './order-commands.ts';

/** markOrderShipped (ADMIN): READY_TO_SHIP -> SHIPPED. */
export function markOrderShipped(deps: OrdersDeps, caller: Caller, id: string): Promise<OrderRecord> {
  requireRole(caller.viewer, 'ADMIN');
  return onOrder(deps, caller, id, () => {}, (tx, order, meta) => changeStatus(tx, order, { to: 'SHIPPED' }, meta));
}

/** markOrderDelivered (ADMIN): SHIPPED -> DELIVERED. */
export function markOrderDelivered(deps: OrdersDeps, caller: Caller, id: string): Promise<OrderRecord> {
  requireRole(caller.viewer, 'ADMIN');
  return onOrder(deps, caller, id, () => {}, (tx, order, meta) => changeStatus(tx, order, { to: 'DELIVERED' }, meta));
}

/**
 * refundOrder (ADMIN): asks payments for `amount` (omitted: everything not yet refunded or asked).
 * The order becomes REFUNDED when payments reports the full amount back (payments.payment.refunded).
 */
export function refundOrder(deps: OrdersDeps, caller: Caller, id: string, amount: number | null | undefined, reason: string): Promise<OrderRecord> {
  requireRole(caller.viewer, 'ADMIN');
  const why = reason.trim();
  if (!why || why.length > 500) throw badInput('reason', 'reason must be 1 to 500 characters');
  if (amount != null && (!Number.isInteger(amount) || amount <= 0)) throw badInput('amount', 'amount must be a positive number of minor units');
  return onOrder(deps, caller, id, () => {}, async (tx, order, meta) => {
    if (!PAID_STATUSES.includes(statusOf(order))) throw conflict(`An order that is ${order.status} cannot be refunded`);
    const asked = await tx.refundRequest.findMany({ where: { orderId: order.id, status: { not: 'FAILED' } } });
    const committed = asked.reduce((sum, request) => sum + (request.amount ?? order.total), 0);
    const left = order.total - Math.max(committed, order.refundedAmount);
    if (left <= 0) throw conflict('The order is already fully refunded (or a refund of everything is pending)');
    if (amount != null && amount > left) throw badInput('amount', `amount exceeds what is left to refund (${left})`);
    await requestRefund(tx, order, amount ?? left, why, meta);
    await tx.orderHistoryEntry.create({ data: { id: randomUUID(), orderId: order.id, status: order.status, note: `Refund of ${amount ?? left} ${order.currency} requested: ${why}`.slice(0, 500) } });
    return (await findOrder(tx, order.id))!;
  });
}

/** addOrderNote (ADMIN, SUPPORT): an internal note. */
export function addOrderNote(deps: OrdersDeps, caller: Caller, id: string, note: string): Promise<OrderRecord> {
  const viewer = requireRole(caller.viewer, 'ADMIN', 'SUPPORT');
  const text = note.trim();
  if (!text || text.length > 2_000) throw badInput('note', 'note must be 1 to 2000 characters');
  return onOrder(deps, caller, id, () => {}, async (tx, order) => {
    await tx.orderNote.create({ data: { id: randomUUID(), orderId: order.id, authorId: viewer.userId, note: text } });
    return order;
  });
}
