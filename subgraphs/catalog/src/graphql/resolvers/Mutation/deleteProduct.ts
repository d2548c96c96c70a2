import { deleteProduct as remove } from '../../../application/delete-product.ts';
import type { CatalogContext } from '../../../context.ts';

/** Mutation.deleteProduct (ADMIN or SELLER): soft delete, idempotent. */
export function deleteProduct(_parent: unknown, args: { id: string }, context: CatalogContext) {
  return remove(context.deps, context, args.id);
}
