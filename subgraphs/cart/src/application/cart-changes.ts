import type { Actor } from '@drobble/schema/events';
import { sameLines, type LineState } from '../domain/cart.ts';
import { markChanged, writeLines, type CartRow } from '../infra/cart-repository.ts';
import { recordEvent } from '../infra/outbox.ts';
import type { Tx } from '../infra/prisma.ts';
import { guestExpiry } from './cart-access.ts';
import type { Caller, CartDeps } from './deps.ts';

/** Envelope facts for an event: the request's (or the causing event's) correlation, and who did it. */
export interface ChangeMeta {
  correlationId: string;
  causationId?: string | null;
  actor: Actor;
}

export const requestMeta = (caller: Caller): ChangeMeta => ({
  correlationId: caller.correlationId,
  actor: caller.viewer.userId ? { userId: caller.viewer.userId, roles: [...caller.viewer.roles] } : null,
});

/** cart.cart.updated.v1 for a cart row as it now stands. */
export async function recordCartUpdated(tx: Tx, cart: CartRow, lines: readonly LineState[], meta: ChangeMeta): Promise<void> {
  await recordEvent(
    tx,
    'cart.cart.updated.v1',
    {
      cartId: cart.id,
      userId: cart.userId,
      lines: lines.map(({ variantId, productId, quantity }) => ({ variantId, productId, quantity })),
      version: cart.version,
      updatedAt: cart.updatedAt.toISOString(),
    },
    meta,
  );
}

/**
 * Commits new lines for a locked cart: writes them, bumps the version (a guest cart's expiry moves
 * out again) and records cart.cart.updated.v1 in the same transaction. No change, no event.
 */
export async function commitLines(tx: Tx, deps: CartDeps, cart: CartRow, lines: readonly LineState[], now: Date, meta: ChangeMeta): Promise<CartRow> {
  if (sameLines(cart.lines, lines)) return cart;
  await writeLines(tx, cart.id, cart.lines, lines);
  const saved = await markChanged(tx, cart.id, now, cart.userId === null ? guestExpiry(deps, now) : null);
  await recordCartUpdated(tx, saved, saved.lines, meta);
  return saved;
}
