import type { InventoryContext } from '../../context.ts';

/** ProductVariant.stock for the catalog's variants: batched, one query per gateway fetch. */
export const ProductVariant = {
  __resolveReference(reference: { id: string }) {
    return { id: reference.id };
  },
  stock(variant: { id: string }, _args: unknown, context: InventoryContext) {
    return context.loaders.stockOf(variant.id);
  },
};
