import type { InventoryContext } from '../../context.ts';

/** Product.inStock for the catalog's products: batched, one query per gateway fetch. */
export const Product = {
  __resolveReference(reference: { id: string }) {
    return { id: reference.id };
  },
  inStock(product: { id: string }, _args: unknown, context: InventoryContext) {
    return context.loaders.inStockOf(product.id);
  },
};
