import { badInput } from '@drobble/kit/errors';
import type { CartView, LineState } from '../domain/cart.ts';
import { isUuid } from '../domain/ids.ts';
import { MAX_CART_LINES, cartCurrency, checkLine, checkRequestedQuantity, requireSellable, variantNotFound } from '../domain/line-rules.ts';
import { loadVariantFacts } from '../infra/variant-facts.ts';
import { lockTargetCart, parseCartId } from './cart-access.ts';
import { commitLines, requestMeta } from './cart-changes.ts';
import { priceCart } from './cart-view.ts';
import { TX_OPTIONS, type Caller, type CartDeps } from './deps.ts';

export interface AddToCartArgs {
  cartId?: string | null;
  variantId: string;
  quantity: number;
}

/**
 * addToCart: adds to the line's quantity (a new line goes last). The cart row is locked first, so
 * concurrent additions to one cart serialise and none is lost; the lines and the
 * cart.cart.updated.v1 event commit together.
 */
export async function addToCart(deps: CartDeps, caller: Caller, args: AddToCartArgs): Promise<CartView> {
  const quantity = checkRequestedQuantity(args.quantity);
  if (!isUuid(args.variantId)) throw variantNotFound();
  const variantId = args.variantId.toLowerCase();
  const cartId = parseCartId(args.cartId);
  const view = await deps.prisma.$transaction(async (tx) => {
    const now = deps.now();
    const cart = await lockTargetCart(tx, deps, caller.viewer, cartId, now, true);
    const facts = await loadVariantFacts(tx, [variantId, ...cart.lines.map((line) => line.variantId)]);
    const variant = requireSellable(facts.get(variantId));
    const existing = cart.lines.find((line) => line.variantId === variantId);
    const newQuantity = (existing?.quantity ?? 0) + quantity;
    checkLine(variant, newQuantity, cartCurrency(cart.lines, facts, variantId));
    if (!existing && cart.lines.length >= MAX_CART_LINES) throw badInput('variantId', `a cart holds at most ${MAX_CART_LINES} different variants`);
    const lines: LineState[] = existing
      ? cart.lines.map((line) => (line.variantId === variantId ? { ...line, quantity: newQuantity } : line))
      : [...cart.lines, { variantId, productId: variant.productId, quantity: newQuantity }];
    const saved = await commitLines(tx, deps, cart, lines, now, requestMeta(caller));
    return priceCart(saved, facts, deps.defaultCurrency);
  }, TX_OPTIONS);
  deps.eventsRecorded?.();
  return view;
}
