import { handleOnce } from '@drobble/kit/outbox/inbox';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import type { EventOf } from '@drobble/schema/events';
import { checkReservation, mergeLines } from '../domain/stock.ts';
import { insertReservation, lockReservation } from '../infra/reservation-repository.ts';
import { appendMovements, applyDeltas, lockStock } from '../infra/stock-repository.ts';
import { causedBy, nowOf, TX_OPTIONS, type InventoryDeps } from './deps.ts';
import { recordStockChanges } from './stock-events.ts';

export const RESERVE_CONSUMER = 'inventory-reserve-stock';

/**
 * orders.order.stock_reservation_requested.v1: reserve every line or none, in one transaction.
 * The variants' rows are locked in a fixed order, checked, then raised by ONE conditional UPDATE
 * (reserved + q <= onHand), so concurrent requests for the last units can never oversell: each
 * sees the stock the previous one left. Answers confirmed (with expiresAt) or rejected. A repeated
 * request for an order that already holds stock confirms it again and reserves nothing more.
 */
export async function reserveStock(deps: InventoryDeps, event: EventOf<'orders.order.stock_reservation_requested.v1'>): Promise<boolean> {
  const meta = causedBy(event);
  const { orderId } = event.data;
  const done = await handleOnce(deps.prisma, RESERVE_CONSUMER, event, async (tx) => {
    const existing = await lockReservation(tx, orderId);
    if (existing) {
      if (existing.status === 'ACTIVE') {
        await recordEvent(tx, 'inventory.reservation.confirmed.v1', { orderId, lines: existing.lines, expiresAt: existing.expiresAt.toISOString() }, meta);
      }
      return;
    }
    const lines = mergeLines(event.data.lines);
    const stock = await lockStock(tx, lines.map((line) => line.variantId));
    const problem = checkReservation(lines, stock);
    if (problem) {
      await recordEvent(tx, 'inventory.reservation.rejected.v1', { orderId, ...problem }, meta);
      return;
    }
    const updated = await applyDeltas(tx, lines.map((line) => ({ variantId: line.variantId, onHandDelta: 0, reservedDelta: line.quantity })));
    // Cannot happen while the rows are locked; if it ever does, roll back and let the bus redeliver.
    if (updated.size !== lines.length) throw new Error(`reservation for order ${orderId}: a conditional update matched no row`);
    const expiresAt = new Date(nowOf(deps).getTime() + deps.reservationTtlMs);
    await insertReservation(tx, orderId, lines, expiresAt, event.correlationId);
    await appendMovements(tx, lines.map((line) => ({ variantId: line.variantId, onHandDelta: 0, reservedDelta: line.quantity, reason: 'RESERVED', orderId })));
    await recordStockChanges(tx, updated.values(), 'RESERVED', meta);
    await recordEvent(tx, 'inventory.reservation.confirmed.v1', { orderId, lines, expiresAt: expiresAt.toISOString() }, meta);
  }, TX_OPTIONS);
  if (done) deps.eventsRecorded?.();
  return done;
}
