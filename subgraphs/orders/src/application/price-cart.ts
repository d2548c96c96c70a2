import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '@drobble/kit/errors';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { DomainError, ErrorCode } from '@drobble/kit/errors';
import type { Db } from '../infra/prisma.ts';

export interface SnapshotLine {
  id: string;
  position: number;
  variantId: string;
  productId: string;
  sku: string;
  productName: string;
  quantity: number;
  unitPrice: number;
}

interface CartLineRow {
  variantId: string;
  quantity: number;
}

/**
 * The cart (orders' projection) priced from orders' catalog projection at this moment: the snapshot
 * an order keeps. A signed-in user may order only their own cart (or a guest cart whose id they hold).
 */
export async function priceCart(db: Db, cartId: string, viewer: Viewer): Promise<{ lines: SnapshotLine[]; currency: string }> {
  const cart = await db.cartProjection.findUnique({ where: { cartId } });
  if (!cart) throw notFound('Cart');
  if (cart.userId !== null && cart.userId !== viewer.userId) {
    if (viewer.userId === null) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in to check out this cart');
    throw new DomainError(ErrorCode.FORBIDDEN, 'This cart belongs to someone else');
  }
  const cartLines = cart.lines as unknown as CartLineRow[];
  if (cartLines.length === 0) throw badInput('cartId', 'The cart is empty');
  const variants = await db.catalogVariant.findMany({ where: { variantId: { in: cartLines.map((line) => line.variantId) } } });
  const byId = new Map(variants.map((variant) => [variant.variantId, variant]));
  const lines = cartLines.map((line, position) => {
    const variant = byId.get(line.variantId);
    if (!variant || !variant.active) throw badInput('cartId', `Variant ${line.variantId} is no longer for sale`);
    return { id: randomUUID(), position, variantId: variant.variantId, productId: variant.productId, sku: variant.sku, productName: variant.productName, quantity: line.quantity, unitPrice: variant.price };
  });
  const currencies = new Set(variants.map((variant) => variant.currency));
  if (currencies.size !== 1) throw badInput('cartId', 'The cart mixes currencies');
  return { lines, currency: [...currencies][0]! };
}
