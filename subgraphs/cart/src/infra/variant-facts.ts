import type { VariantFacts } from '../domain/line-rules.ts';
import type { Db } from './prisma.ts';

/** What the cart knows about these variants (from catalog and inventory events), by variant id. */
export async function loadVariantFacts(db: Db, variantIds: readonly string[]): Promise<Map<string, VariantFacts>> {
  if (variantIds.length === 0) return new Map();
  const ids = [...new Set(variantIds)];
  const [variants, stock] = await Promise.all([
    db.catalogVariant.findMany({ where: { id: { in: ids } }, include: { product: { select: { active: true, deleted: true, currency: true } } } }),
    db.variantStock.findMany({ where: { variantId: { in: ids } }, select: { variantId: true, available: true } }),
  ]);
  const available = new Map(stock.map((row) => [row.variantId, row.available]));
  return new Map(
    variants.map((variant) => [
      variant.id,
      {
        variantId: variant.id,
        productId: variant.productId,
        price: variant.price,
        currency: variant.product.currency,
        active: variant.product.active && !variant.product.deleted,
        available: available.get(variant.id) ?? 0,
      },
    ]),
  );
}

/** True when the product is known, active and not deleted. */
export async function isProductSellable(db: Db, productId: string): Promise<boolean> {
  return (await db.catalogProduct.count({ where: { id: productId, active: true, deleted: false } })) === 1;
}

/** The subset of these products that are known and not deleted. */
export async function existingProductIds(db: Db, productIds: readonly string[]): Promise<Set<string>> {
  if (productIds.length === 0) return new Set();
  const rows = await db.catalogProduct.findMany({ where: { id: { in: [...productIds] }, deleted: false }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}
