import type { CatalogContext } from '../../context.ts';
import { isUuid } from '../../domain/ids.ts';
import { withCurrency, type ProductParent } from '../mappers.ts';

/** Product fields and the entity reference resolver (batched: one query per gateway fetch). */
export const Product = {
  __resolveReference(reference: { id: string }, context: CatalogContext) {
    return isUuid(reference.id) ? context.loaders.productById.load(reference.id.toLowerCase()) : null;
  },
  category(product: ProductParent, _args: unknown, context: CatalogContext) {
    return product.categoryId ? context.loaders.categoryById.load(product.categoryId) : null;
  },
  price(product: ProductParent) {
    return { amount: product.minPrice, currency: product.currency };
  },
  variants(product: ProductParent, _args: unknown, context: CatalogContext) {
    const variants = withCurrency(product);
    for (const variant of variants) context.loaders.variantById.prime(variant.id, variant);
    return variants;
  },
};
