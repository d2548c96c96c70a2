import type { EventOf } from '@drobble/schema/events';
import type { Tx } from '../infra/prisma.ts';

/** Orders' own copies of what other contexts publish: carts, catalog prices and names, customer emails. */

/** cart.cart.updated.v1: keep the newest version of each cart. */
export async function projectCart(tx: Tx, event: EventOf<'cart.cart.updated.v1'>): Promise<void> {
  const { cartId, userId, lines, version, updatedAt } = event.data;
  const data = { userId, lines: lines.map(({ variantId, productId, quantity }) => ({ variantId, productId, quantity })), version, updatedAt: new Date(updatedAt) };
  const { count } = await tx.cartProjection.updateMany({ where: { cartId, version: { lt: version } }, data });
  if (count > 0) return;
  await tx.cartProjection.createMany({ data: [{ cartId, ...data }], skipDuplicates: true });
}

type ProductEvent = EventOf<'catalog.product.created.v1' | 'catalog.product.updated.v1' | 'catalog.product.deleted.v1'>;

/** catalog.product.*: one row per variant with the product's name, currency and active flag; older versions ignored. */
export async function projectProduct(tx: Tx, event: ProductEvent, deleted: boolean): Promise<void> {
  const product = event.data;
  const newer = await tx.catalogVariant.findFirst({ where: { productId: product.id, productVersion: { gt: product.version } } });
  if (newer) return;
  const active = product.active && !deleted;
  const keep = product.variants.map((variant) => variant.id);
  await tx.catalogVariant.updateMany({ where: { productId: product.id, variantId: { notIn: keep } }, data: { active: false, productVersion: product.version } });
  for (const variant of product.variants) {
    const data = { productId: product.id, productName: product.name, sku: variant.sku, price: variant.price, currency: product.currency, active, productVersion: product.version };
    await tx.catalogVariant.upsert({ where: { variantId: variant.id }, create: { variantId: variant.id, ...data }, update: data });
  }
}

/** identity.user.registered.v1: the customer's email, used when a signed-in customer omits it. */
export async function projectCustomer(tx: Tx, event: EventOf<'identity.user.registered.v1'>): Promise<void> {
  const { userId, email } = event.data;
  await tx.customerProjection.upsert({ where: { userId }, create: { userId, email }, update: { email } });
}
