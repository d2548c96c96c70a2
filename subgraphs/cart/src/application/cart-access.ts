import { randomUUID } from 'node:crypto';
import { hasRole, isSignedIn } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { badInput, notFound } from '@drobble/kit/errors';
import { isUuid } from '../domain/ids.ts';
import { createGuestCart, lockCart, lockOrCreateUserCart, type CartRow } from '../infra/cart-repository.ts';
import type { Tx } from '../infra/prisma.ts';
import type { CartDeps } from './deps.ts';

export const cartNotFound = () => notFound('Cart');

/** A guest cart past its expiry, or merged into a user's cart: gone for every purpose. */
export const isGone = (cart: CartRow, now: Date) =>
  cart.mergedIntoId !== null || (cart.userId === null && cart.expiresAt !== null && cart.expiresAt <= now);

/**
 * May this viewer change the cart? A guest cart: anyone holding its id (the id is the credential).
 * A user's cart: that user only. Everything else looks like a missing cart (NOT_FOUND).
 */
export function assertWritable(cart: CartRow | null, viewer: Viewer, now: Date): CartRow {
  if (!cart || isGone(cart, now)) throw cartNotFound();
  if (cart.userId !== null && cart.userId !== viewer.userId) throw cartNotFound();
  return cart;
}

/** Reading also lets ADMIN and SUPPORT see any live cart. */
export function assertReadable(cart: CartRow | null, viewer: Viewer, now: Date): CartRow {
  if (cart && !isGone(cart, now) && cart.userId !== null && hasRole(viewer, 'ADMIN', 'SUPPORT')) return cart;
  return assertWritable(cart, viewer, now);
}

export const guestExpiry = (deps: CartDeps, now: Date) => new Date(now.getTime() + deps.guestTtlMs);

/** A cart id argument: absent, or a UUID (anything else names no cart). */
export function parseCartId(cartId: string | null | undefined): string | null {
  if (cartId === null || cartId === undefined) return null;
  if (!isUuid(cartId)) throw cartNotFound();
  return cartId.toLowerCase();
}

/**
 * The cart a change applies to, locked for the rest of the transaction: the given cart; without
 * an id the signed-in user's cart (created on first use), or for a guest a new guest cart when
 * `createForGuest` (addToCart), else BAD_USER_INPUT.
 */
export async function lockTargetCart(tx: Tx, deps: CartDeps, viewer: Viewer, cartId: string | null, now: Date, createForGuest: boolean): Promise<CartRow> {
  if (cartId !== null) return assertWritable(await lockCart(tx, cartId), viewer, now);
  if (isSignedIn(viewer)) return lockOrCreateUserCart(tx, viewer.userId, randomUUID());
  if (!createForGuest) throw badInput('cartId', 'cartId is required for a guest cart');
  return createGuestCart(tx, randomUUID(), guestExpiry(deps, now));
}
