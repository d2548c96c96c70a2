import { requireSignedIn } from '@drobble/kit/auth/guards';
import { badInput, notFound } from '@drobble/kit/errors';
import { isUuid } from '../domain/ids.ts';
import { addWishlistItem, countWishlist, listWishlist, removeWishlistItem } from '../infra/wishlist-repository.ts';
import { existingProductIds, isProductSellable } from '../infra/variant-facts.ts';
import { TX_OPTIONS, type Caller, type CartDeps } from './deps.ts';

/** Products one wishlist may hold. */
export const MAX_WISHLIST_ITEMS = 500;

export interface WishlistView {
  productIds: string[];
}

/** The signed-in user's wishlist; products the catalog has deleted since are left out. */
export async function getWishlist(deps: CartDeps, caller: Caller): Promise<WishlistView> {
  const viewer = requireSignedIn(caller.viewer);
  const saved = await listWishlist(deps.prisma, viewer.userId);
  const existing = await existingProductIds(deps.prisma, saved);
  return { productIds: saved.filter((id) => existing.has(id)) };
}

/** addToWishlist: NOT_FOUND unless the product is known and active; saving twice changes nothing. */
export async function addToWishlist(deps: CartDeps, caller: Caller, productId: string): Promise<WishlistView> {
  const viewer = requireSignedIn(caller.viewer);
  if (!isUuid(productId)) throw notFound('Product');
  const id = productId.toLowerCase();
  await deps.prisma.$transaction(async (tx) => {
    if (!(await isProductSellable(tx, id))) throw notFound('Product');
    if ((await countWishlist(tx, viewer.userId)) >= MAX_WISHLIST_ITEMS) throw badInput('productId', `a wishlist holds at most ${MAX_WISHLIST_ITEMS} products`);
    await addWishlistItem(tx, viewer.userId, id);
  }, TX_OPTIONS);
  return getWishlist(deps, caller);
}

/** removeFromWishlist: idempotent. */
export async function removeFromWishlist(deps: CartDeps, caller: Caller, productId: string): Promise<WishlistView> {
  const viewer = requireSignedIn(caller.viewer);
  if (isUuid(productId)) await removeWishlistItem(deps.prisma, viewer.userId, productId.toLowerCase());
  return getWishlist(deps, caller);
}
