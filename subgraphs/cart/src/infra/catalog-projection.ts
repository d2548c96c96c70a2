import type { PayloadOf } from '@drobble/schema/events';
import type { Tx } from './prisma.ts';

type ProductPayload = PayloadOf<'catalog.product.created.v1'> | PayloadOf<'catalog.product.updated.v1'>;

/**
 * Applies a catalog product snapshot when it is newer than the stored one (a deletion also at the
 * same version): the product's active flag and currency, its variants' prices; variants the
 * snapshot no longer lists are forgotten. Returns false when the event was stale.
 */
export async function applyProductSnapshot(tx: Tx, product: ProductPayload, deleted: boolean): Promise<boolean> {
  const stored = await tx.catalogProduct.findUnique({ where: { id: product.id }, select: { version: true, deleted: true } });
  if (stored && (stored.deleted || product.version < stored.version || (product.version === stored.version && !deleted))) return false;
  const fields = { version: product.version, active: product.active && !deleted, deleted, currency: product.currency };
  await tx.catalogProduct.upsert({ where: { id: product.id }, create: { id: product.id, ...fields }, update: fields });
  const ids = product.variants.map((variant) => variant.id);
  await tx.catalogVariant.deleteMany({ where: { productId: product.id, id: { notIn: ids } } });
  for (const variant of product.variants) {
    const data = { productId: product.id, sku: variant.sku, price: variant.price };
    await tx.catalogVariant.upsert({ where: { id: variant.id }, create: { id: variant.id, ...data }, update: data });
  }
  return true;
}

/** A created product's initialStock counts as available until inventory reports (never overrides it). */
export async function seedInitialStock(tx: Tx, product: PayloadOf<'catalog.product.created.v1'>): Promise<void> {
  await tx.variantStock.createMany({
    data: product.variants.map((variant) => ({ variantId: variant.id, available: variant.initialStock ?? 0, source: 'CATALOG' })),
    skipDuplicates: true,
  });
}

/**
 * Applies inventory's available stock for a variant. With a sequence, an event older than the
 * stored one is ignored; without one, the last event delivered wins.
 */
export async function applyStockLevel(tx: Tx, stock: PayloadOf<'inventory.stock.changed.v1'>): Promise<boolean> {
  // `sequence` is optional in the contract (inventory adds it); read it without depending on it.
  const sequence = 'sequence' in stock && typeof stock.sequence === 'number' ? stock.sequence : null;
  const stored = await tx.variantStock.findUnique({ where: { variantId: stock.variantId }, select: { sequence: true } });
  if (stored?.sequence != null && sequence !== null && sequence <= stored.sequence) return false;
  const data = { available: stock.available, source: 'INVENTORY', sequence, updatedAt: new Date() };
  await tx.variantStock.upsert({ where: { variantId: stock.variantId }, create: { variantId: stock.variantId, ...data }, update: data });
  return true;
}
