import { conflict } from '@drobble/kit/errors';
import type { Db } from '../infra/prisma.ts';

const POLL_MS = 25;

/**
 * Orders learns carts (cart.cart.updated) and prices (catalog.product.*) from events, a moment
 * after they change. Before pricing a cart, wait (up to `waitMs`, outside any transaction) until
 * orders' copy of the cart exists, has reached the Cart.version the shopper saw (when given), and
 * every variant on it is known. What still is not there after the wait is left to priceCart
 * (NOT_FOUND / BAD_USER_INPUT); a cart stuck behind the version the shopper saw is a CONFLICT.
 */
export async function awaitCartProjection(db: Db, cartId: string, version: number | null | undefined, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const cart = await db.cartProjection.findUnique({ where: { cartId }, select: { version: true, lines: true } });
    if (cart && (!version || cart.version >= version) && (await variantsKnown(db, cart.lines))) return;
    if (Date.now() >= deadline) {
      if (cart && version && cart.version < version) throw conflict(`The cart is still being updated (seen version ${cart.version}, expected ${version}); try again`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function variantsKnown(db: Db, lines: unknown): Promise<boolean> {
  const ids = [...new Set((lines as { variantId: string }[]).map((line) => line.variantId))];
  if (ids.length === 0) return true;
  return (await db.catalogVariant.count({ where: { variantId: { in: ids } } })) === ids.length;
}
