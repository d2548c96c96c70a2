import { z } from 'zod';
import { id } from './envelope.ts';

/** Inventory events: stock levels per variant and the outcome of the saga's reservation requests. */

const reservationLine = z.object({ variantId: id(), quantity: z.number().int().positive() });

/** After every change of a variant's onHand or reserved (adjustment, reservation, release, commit). */
export const stockChangedV1 = z.object({
  variantId: id(),
  productId: id(),
  onHand: z.number().int().nonnegative(),
  reserved: z.number().int().nonnegative(),
  available: z.number().int().nonnegative(),
  lowStock: z.boolean(),
  /** ADJUSTMENT, RESERVED, RELEASED, COMMITTED, RESTOCKED, INITIAL, or an admin's reason. */
  reason: z.string().min(1).max(200),
  /** The variant's change counter in inventory (grows by one per change): lets projections drop stale events. */
  sequence: z.number().int().nonnegative().optional(),
});

/** Every line of the order is reserved until `expiresAt` (unless the order is paid first). */
export const reservationConfirmedV1 = z.object({
  orderId: id(),
  lines: z.array(reservationLine).min(1),
  expiresAt: z.iso.datetime({ offset: false }),
});

/** Nothing was reserved: at least one line had too little stock (or an unknown variant). */
export const reservationRejectedV1 = z.object({
  orderId: id(),
  reason: z.enum(['OUT_OF_STOCK', 'UNKNOWN_VARIANT']),
  unavailable: z.array(z.object({ variantId: id(), requested: z.number().int().positive(), available: z.number().int().nonnegative() })),
});

/** The order's stock went back: on request (compensation, cancel) or because the reservation expired. */
export const reservationReleasedV1 = z.object({
  orderId: id(),
  reason: z.string().min(1).max(200),
  expired: z.boolean(),
  /** True when the stock had been committed (sold) and went back on hand. */
  restocked: z.boolean(),
});

/** Subject -> payload schema for the inventory context. */
export const inventoryEvents = {
  'inventory.stock.changed.v1': stockChangedV1,
  'inventory.reservation.confirmed.v1': reservationConfirmedV1,
  'inventory.reservation.rejected.v1': reservationRejectedV1,
  'inventory.reservation.released.v1': reservationReleasedV1,
} as const;
