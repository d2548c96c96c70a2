import type { CartView } from '../domain/cart.ts';
import { updateCartLine } from './update-cart-line.ts';
import type { Caller, CartDeps } from './deps.ts';

/** removeFromCart: updateCartLine to 0 (nothing happens when the variant is not in the cart). */
export function removeFromCart(deps: CartDeps, caller: Caller, args: { cartId?: string | null; variantId: string }): Promise<CartView> {
  return updateCartLine(deps, caller, { ...args, quantity: 0 });
}
