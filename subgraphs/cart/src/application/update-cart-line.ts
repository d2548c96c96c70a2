import { notFound } from '@drobble/kit/errors';
import type { CartView, LineState } from '../domain/cart.ts';
import { isUuid } from '../domain/ids.ts';
import { cartCurrency, checkLine, checkRequestedQuantity, requireSellable, variantNotFound } from '../domain/line-rules.ts';
import { loadVariantFacts } from '../infra/variant-facts.ts';
import { lockTargetCart, parseCartId } from './cart-access.ts';
import { commitLines, requestMeta } from './cart-changes.ts';
import { priceCart } from './cart-view.ts';
import { TX_OPTIONS, type Caller, type CartDeps } from './deps.ts';

export interface UpdateCartLineArgs {
  cartId?: string | null;
  variantId: string;
  quantity: number;
}

/**
 * updateCartLine: sets a line's quantity (checked against available stock); 0 removes the line and
 * is a no-op when the variant is not in the cart. Any other quantity for a missing line: NOT_FOUND.
 */
export async function updateCartLine(deps: CartDeps, caller: Caller, args: UpdateCartLineArgs): Promise<CartView> {
  const quantity = checkRequestedQuantity(args.quantity, true);
  const cartId = parseCartId(args.cartId);
  const variantId = isUuid(args.variantId) ? args.variantId.toLowerCase() : null;
  if (variantId === null && quantity > 0) throw variantNotFound();
  const view = await deps.prisma.$transaction(async (tx) => {
    const now = deps.now();
    const cart = await lockTargetCart(tx, deps, caller.viewer, cartId, now, false);
    const facts = await loadVariantFacts(tx, cart.lines.map((line) => line.variantId));
    const existing = cart.lines.find((line) => line.variantId === variantId);
    let lines: LineState[];
    if (quantity === 0) {
      lines = cart.lines.filter((line) => line.variantId !== variantId);
    } else {
      if (!existing) throw notFound('Cart line');
      checkLine(requireSellable(facts.get(existing.variantId)), quantity, cartCurrency(cart.lines, facts, existing.variantId));
      lines = cart.lines.map((line) => (line === existing ? { ...line, quantity } : line));
    }
    const saved = await commitLines(tx, deps, cart, lines, now, requestMeta(caller));
    return priceCart(saved, facts, deps.defaultCurrency);
  }, TX_OPTIONS);
  deps.eventsRecorded?.();
  return view;
}
