import { createCategory as create } from '../../../application/categories.ts';
import type { CatalogContext } from '../../../context.ts';

/** Mutation.createCategory (ADMIN or SELLER). */
export function createCategory(_parent: unknown, args: { name: string; parentId?: string | null }, context: CatalogContext) {
  return create(context.deps, context, args.name, args.parentId);
}
