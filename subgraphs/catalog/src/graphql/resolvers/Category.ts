import type { CatalogContext } from '../../context.ts';
import type { CategoryParent } from '../mappers.ts';

/** Category tree links, batched per request (and pre-filled by Query.categories). */
export const Category = {
  parent(category: CategoryParent, _args: unknown, context: CatalogContext) {
    return category.parentId ? context.loaders.categoryById.load(category.parentId) : null;
  },
  children(category: CategoryParent, _args: unknown, context: CatalogContext) {
    return context.loaders.childrenOf.load(category.id);
  },
};
