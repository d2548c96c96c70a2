import type { CatalogContext } from '../../context.ts';
import { isUuid } from '../../domain/ids.ts';
import type { VariantParent } from '../mappers.ts';

async function productOf(variant: VariantParent, context: CatalogContext) {
  const product = await context.loaders.productById.load(variant.productId);
  if (!product) throw new Error(`variant ${variant.id} has no product`);
  return product;
}

/** ProductVariant fields and the entity reference resolver (batched per gateway fetch). */
export const ProductVariant = {
  __resolveReference(reference: { id: string }, context: CatalogContext) {
    return isUuid(reference.id) ? context.loaders.variantById.load(reference.id.toLowerCase()) : null;
  },
  async price(variant: VariantParent, _args: unknown, context: CatalogContext) {
    const currency = variant.currency ?? (await productOf(variant, context)).currency;
    return { amount: variant.price, currency };
  },
  product(variant: VariantParent, _args: unknown, context: CatalogContext) {
    return productOf(variant, context);
  },
};
