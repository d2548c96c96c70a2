import { handleOnce } from '@drobble/kit/outbox/inbox';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import type { EventMeta, EventOf } from '@drobble/schema/events';
import { lockReservation, transition, type Reservation } from '../infra/reservation-repository.ts';
import { appendMovements, applyDeltas, type StockDelta } from '../infra/stock-repository.ts';
import type { Db } from '../infra/prisma.ts';
import { causedBy, nowOf, TX_OPTIONS, type InventoryDeps } from './deps.ts';
import { recordStockChanges } from './stock-events.ts';

export const COMMIT_CONSUMER = 'inventory-commit-stock';
export const RELEASE_CONSUMER = 'inventory-release-stock';

/** Applies the reservation's lines as `delta(quantity)` and logs them; every line must apply. */
async function move(tx: Db, reservation: Reservation, delta: (quantity: number) => Omit<StockDelta, 'variantId'>, reason: string, meta: EventMeta) {
  const deltas = reservation.lines.map((line) => ({ variantId: line.variantId, ...delta(line.quantity) }));
  const updated = await applyDeltas(tx, deltas);
  if (updated.size !== deltas.length) throw new Error(`reservation of order ${reservation.orderId}: stock rows out of step (${reason})`);
  await appendMovements(tx, deltas.map((d) => ({ ...d, reason, orderId: reservation.orderId })));
  await recordStockChanges(tx, updated.values(), reason, meta);
}

/** orders.order.paid.v1: the reserved units are sold (onHand and reserved both drop); the reservation no longer expires. */
export async function commitReservation(deps: InventoryDeps, event: EventOf<'orders.order.paid.v1'>): Promise<boolean> {
  const meta = causedBy(event);
  const done = await handleOnce(deps.prisma, COMMIT_CONSUMER, event, async (tx) => {
    const reservation = await lockReservation(tx, event.data.orderId);
    if (reservation?.status !== 'ACTIVE') {
      deps.logger.warn({ orderId: event.data.orderId, status: reservation?.status ?? null }, 'order paid without an active reservation; nothing to commit');
      return;
    }
    await move(tx, reservation, (q) => ({ onHandDelta: -q, reservedDelta: -q }), 'COMMITTED', meta);
    await transition(tx, reservation.orderId, 'ACTIVE', 'COMMITTED');
  }, TX_OPTIONS);
  if (done) deps.eventsRecorded?.();
  return done;
}

/**
 * Gives an order's stock back in the caller's transaction: an ACTIVE reservation is released, a
 * COMMITTED one restocked. Always answers inventory.reservation.released.v1 (also when nothing was
 * held any more), so the saga can go on. Returns false when there was nothing to do.
 */
async function releaseIn(tx: Db, orderId: string, reason: string, expired: boolean, meta: EventMeta): Promise<void> {
  const reservation = await lockReservation(tx, orderId);
  if (reservation?.status === 'ACTIVE') {
    await move(tx, reservation, (q) => ({ onHandDelta: 0, reservedDelta: -q }), expired ? 'RELEASED (expired)' : 'RELEASED', meta);
    await transition(tx, orderId, 'ACTIVE', 'RELEASED');
    await recordEvent(tx, 'inventory.reservation.released.v1', { orderId, reason, expired, restocked: false }, meta);
  } else if (reservation?.status === 'COMMITTED') {
    await move(tx, reservation, (q) => ({ onHandDelta: q, reservedDelta: 0 }), 'RESTOCKED', meta);
    await transition(tx, orderId, 'COMMITTED', 'RESTOCKED');
    await recordEvent(tx, 'inventory.reservation.released.v1', { orderId, reason, expired: false, restocked: true }, meta);
  } else {
    await recordEvent(tx, 'inventory.reservation.released.v1', { orderId, reason, expired: false, restocked: reservation?.status === 'RESTOCKED' }, meta);
  }
}

/** orders.order.stock_release_requested.v1: release (reserved) or restock (committed). */
export async function releaseReservation(deps: InventoryDeps, event: EventOf<'orders.order.stock_release_requested.v1'>): Promise<boolean> {
  const done = await handleOnce(deps.prisma, RELEASE_CONSUMER, event, (tx) => releaseIn(tx, event.data.orderId, event.data.reason, false, causedBy(event)), TX_OPTIONS);
  if (done) deps.eventsRecorded?.();
  return done;
}

/** Releases one expired reservation; a no-op when it was committed or released meanwhile (another sweeper, a payment). */
export async function expireReservation(deps: InventoryDeps, orderId: string): Promise<boolean> {
  const released = await deps.prisma.$transaction(async (tx) => {
    const reservation = await lockReservation(tx, orderId);
    if (reservation?.status !== 'ACTIVE' || reservation.expiresAt > nowOf(deps)) return false;
    await releaseIn(tx, orderId, 'EXPIRED', true, { correlationId: reservation.correlationId, actor: null });
    return true;
  }, TX_OPTIONS);
  if (released) deps.eventsRecorded?.();
  return released;
}
