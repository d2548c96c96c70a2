import { isSignedIn } from '@drobble/kit/auth/guards';
import type { CartView } from '../domain/cart.ts';
import { findCart, findUserCart } from '../infra/cart-repository.ts';
import { assertReadable, parseCartId } from './cart-access.ts';
import { toCartView } from './cart-view.ts';
import type { Caller, CartDeps } from './deps.ts';

/**
 * Query.cart: by id (NOT_FOUND for an unknown, expired or merged cart, or another user's cart
 * unless the viewer is ADMIN or SUPPORT); without an id the signed-in user's cart, or null.
 */
export async function getCart(deps: CartDeps, caller: Caller, id: string | null | undefined): Promise<CartView | null> {
  const cartId = parseCartId(id);
  if (cartId !== null) {
    const cart = assertReadable(await findCart(deps.prisma, cartId), caller.viewer, deps.now());
    return toCartView(deps.prisma, deps, cart);
  }
  if (!isSignedIn(caller.viewer)) return null;
  const own = await findUserCart(deps.prisma, caller.viewer.userId);
  return own ? toCartView(deps.prisma, deps, own) : null;
}
