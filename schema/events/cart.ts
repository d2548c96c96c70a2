import { z } from 'zod';
import { id } from './envelope.ts';

/**
 * Cart events. `cart.cart.updated` carries the whole cart after every change (lines added, changed,
 * removed, merged, emptied after checkout), with a per-cart `version` that grows by one each time,
 * so a projection (orders keeps one to turn a cart into an order) upserts it and ignores older versions.
 */

export const cartUpdatedV1 = z.object({
  cartId: id(),
  /** The signed-in owner, or null for a guest cart. */
  userId: id().nullable(),
  lines: z.array(z.object({ variantId: id(), productId: id(), quantity: z.number().int().positive() })),
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime({ offset: false }),
});

/** Subject -> payload schema for the cart context. */
export const cartEvents = {
  'cart.cart.updated.v1': cartUpdatedV1,
} as const;
