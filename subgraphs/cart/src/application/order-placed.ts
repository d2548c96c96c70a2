import type { EventOf } from '@drobble/schema/events';
import type { LineState } from '../domain/cart.ts';
import { lockCart } from '../infra/cart-repository.ts';
import type { Tx } from '../infra/prisma.ts';
import { isGone } from './cart-access.ts';
import { commitLines } from './cart-changes.ts';
import type { CartDeps } from './deps.ts';

/** The cart after an order took `ordered` out of it: the ordered quantities go, later additions stay. */
export function withoutOrdered(lines: readonly LineState[], ordered: readonly { variantId: string; quantity: number }[]): LineState[] {
  const taken = new Map<string, number>();
  for (const line of ordered) taken.set(line.variantId, (taken.get(line.variantId) ?? 0) + line.quantity);
  return lines
    .map((line) => ({ ...line, quantity: line.quantity - (taken.get(line.variantId) ?? 0) }))
    .filter((line) => line.quantity > 0);
}

/**
 * orders.order.placed.v1 with a cartId: the order took the cart's lines, so they leave the cart
 * (cart.cart.updated.v1 follows, caused by the order event). Runs inside handleOnce's transaction.
 */
export async function emptyCartAfterOrder(tx: Tx, deps: CartDeps, event: EventOf<'orders.order.placed.v1'>): Promise<void> {
  if (!event.data.cartId) return;
  const now = deps.now();
  const cart = await lockCart(tx, event.data.cartId.toLowerCase());
  // A merged or expired cart is gone (the sweep publishes its end); changing it would revive it.
  if (!cart || isGone(cart, now)) return;
  await commitLines(tx, deps, cart, withoutOrdered(cart.lines, event.data.lines), now, {
    correlationId: event.correlationId,
    causationId: event.id,
    actor: event.actor,
  });
}
