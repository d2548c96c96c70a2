import type { Line } from '../domain/stock.ts';
import type { Db } from './prisma.ts';

export type ReservationStatus = 'ACTIVE' | 'COMMITTED' | 'RELEASED' | 'RESTOCKED';

export interface Reservation {
  orderId: string;
  status: ReservationStatus;
  expiresAt: Date;
  correlationId: string;
  lines: Line[];
}

/** The order's reservation with its lines, locked until the transaction ends; null when none. */
export async function lockReservation(tx: Db, orderId: string): Promise<Reservation | null> {
  const rows = await tx.$queryRaw<{ status: ReservationStatus; expiresAt: Date; correlationId: string }[]>`SELECT status::text AS status, expires_at AS "expiresAt", correlation_id AS "correlationId"
    FROM "inventory"."reservation" WHERE order_id = ${orderId}::uuid FOR UPDATE`;
  if (!rows[0]) return null;
  const lines = await tx.reservationLine.findMany({ where: { orderId }, orderBy: { variantId: 'asc' } });
  return { orderId, ...rows[0], lines: lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })) };
}

export async function insertReservation(tx: Db, orderId: string, lines: readonly Line[], expiresAt: Date, correlationId: string): Promise<void> {
  await tx.reservation.create({
    data: { orderId, status: 'ACTIVE', expiresAt, correlationId, lines: { create: lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })) } },
  });
}

/** Moves the reservation from `from` to `to`; false when it was not in `from` (someone else moved it). */
export async function transition(tx: Db, orderId: string, from: ReservationStatus, to: ReservationStatus): Promise<boolean> {
  const { count } = await tx.reservation.updateMany({ where: { orderId, status: from }, data: { status: to } });
  return count === 1;
}

/** Orders whose ACTIVE reservation expired before `now`, oldest first. */
export async function expiredReservations(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db.reservation.findMany({ where: { status: 'ACTIVE', expiresAt: { lt: now } }, orderBy: { expiresAt: 'asc' }, take: limit, select: { orderId: true } });
  return rows.map((row) => row.orderId);
}
