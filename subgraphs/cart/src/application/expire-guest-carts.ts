import { deleteCart, findExpiredGuestCartIds, lockCart } from '../infra/cart-repository.ts';
import { recordCartUpdated } from './cart-changes.ts';
import { TX_OPTIONS, type CartDeps } from './deps.ts';

const BATCH = 100;
const MAX_ROUNDS = 50;

/**
 * Deletes guest carts past their expiry (they are already NOT_FOUND from that instant). A cart that
 * still held lines gets a last cart.cart.updated.v1 with no lines, so projections drop it too.
 * Returns how many carts went.
 */
export async function expireGuestCarts(deps: CartDeps): Promise<number> {
  const now = deps.now();
  let removed = 0;
  // Batches until a short one; a cart another replica took meanwhile is simply skipped.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ids = await findExpiredGuestCartIds(deps.prisma, now, BATCH);
    for (const id of ids) if (await expireOne(deps, id, now)) removed++;
    if (ids.length < BATCH) break;
  }
  if (removed > 0) deps.eventsRecorded?.();
  return removed;
}

async function expireOne(deps: CartDeps, id: string, now: Date): Promise<boolean> {
  return deps.prisma.$transaction(async (tx) => {
    const cart = await lockCart(tx, id);
    if (!cart || cart.userId !== null || !cart.expiresAt || cart.expiresAt > now) return false;
    if (cart.lines.length > 0) {
      await recordCartUpdated(tx, { ...cart, version: cart.version + 1, updatedAt: now }, [], { correlationId: `cart-expiry-${id}`, actor: null });
    }
    await deleteCart(tx, id);
    return true;
  }, TX_OPTIONS);
}
