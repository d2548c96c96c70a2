import { createProduct as create } from '../../../application/create-product.ts';
import type { CatalogContext } from '../../../context.ts';
import type { CreateProductInput } from '../../../domain/product-input.ts';

/** Mutation.createProduct (ADMIN or SELLER). */
export function createProduct(_parent: unknown, args: { input: CreateProductInput }, context: CatalogContext) {
  return create(context.deps, context, args.input);
}
