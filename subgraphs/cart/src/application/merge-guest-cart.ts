import { requireSignedIn } from '@drobble/kit/auth/guards';
import type { CartView, LineState } from '../domain/cart.ts';
import { MAX_CART_LINES, cartCurrency, mergedQuantity, type VariantFacts } from '../domain/line-rules.ts';
import { lockCart, lockOrCreateUserCart, markMerged, type CartRow } from '../infra/cart-repository.ts';
import { loadVariantFacts } from '../infra/variant-facts.ts';
import { randomUUID } from 'node:crypto';
import { cartNotFound, isGone, parseCartId } from './cart-access.ts';
import { commitLines, requestMeta } from './cart-changes.ts';
import { priceCart } from './cart-view.ts';
import { TX_OPTIONS, type Caller, type CartDeps } from './deps.ts';

/**
 * The user's lines plus the guest's: quantities of one variant add up, capped by available stock;
 * guest lines whose variant is no longer sellable (or in another currency) are dropped.
 */
export function mergeLines(user: readonly LineState[], guest: readonly LineState[], facts: Map<string, VariantFacts>): LineState[] {
  const merged = [...user];
  for (const line of guest) {
    const variant = facts.get(line.variantId);
    if (!variant?.active) continue;
    const index = merged.findIndex((candidate) => candidate.variantId === line.variantId);
    const current = index >= 0 ? merged[index]!.quantity : 0;
    const quantity = mergedQuantity(current, line.quantity, variant.available);
    if (index >= 0) {
      merged[index] = { ...merged[index]!, quantity };
      continue;
    }
    const currency = cartCurrency(merged, facts, line.variantId);
    if (quantity < 1 || merged.length >= MAX_CART_LINES || (currency !== null && currency !== variant.currency)) continue;
    merged.push({ variantId: line.variantId, productId: variant.productId, quantity });
  }
  return merged;
}

/**
 * mergeGuestCart: moves a guest cart into the signed-in user's cart. Locks the guest cart, then the
 * user's (always in that order, so two merges cannot deadlock), writes both and publishes both.
 * The guest cart is emptied and marked merged: it is NOT_FOUND from then on, except that merging it
 * again into the same user's cart returns that cart unchanged (idempotent).
 */
export async function mergeGuestCart(deps: CartDeps, caller: Caller, guestCartId: string): Promise<CartView> {
  const viewer = requireSignedIn(caller.viewer);
  const guestId = parseCartId(guestCartId)!;
  const view = await deps.prisma.$transaction(async (tx) => {
    const now = deps.now();
    const guest = await lockCart(tx, guestId);
    if (!guest || guest.userId !== null) throw cartNotFound();
    const user = await lockOrCreateUserCart(tx, viewer.userId, randomUUID());
    const facts = await loadVariantFacts(tx, [...user.lines, ...guest.lines].map((line) => line.variantId));
    if (guest.mergedIntoId !== null) {
      if (guest.mergedIntoId !== user.id) throw cartNotFound();
      return priceCart(user, facts, deps.defaultCurrency);
    }
    if (isGone(guest, now)) throw cartNotFound();
    const meta = requestMeta(caller);
    const saved: CartRow = await commitLines(tx, deps, user, mergeLines(user.lines, guest.lines, facts), now, meta);
    await commitLines(tx, deps, guest, [], now, meta);
    await markMerged(tx, guest.id, user.id);
    return priceCart(saved, facts, deps.defaultCurrency);
  }, TX_OPTIONS);
  deps.eventsRecorded?.();
  return view;
}
