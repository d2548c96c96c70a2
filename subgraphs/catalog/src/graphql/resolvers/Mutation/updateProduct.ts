import { updateProduct as update } from '../../../application/update-product.ts';
import type { CatalogContext } from '../../../context.ts';
import type { UpdateProductInput } from '../../../domain/product-input.ts';

/** Mutation.updateProduct (ADMIN or SELLER); CONFLICT on a stale expectedVersion. */
export function updateProduct(_parent: unknown, args: { id: string; input: UpdateProductInput; expectedVersion?: number | null }, context: CatalogContext) {
  return update(context.deps, context, args.id, args.input, args.expectedVersion);
}
