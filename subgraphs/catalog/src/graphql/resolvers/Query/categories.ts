import { listCategories } from '../../../application/categories.ts';
import { primeCategoryTree } from '../../../application/loaders.ts';
import type { CatalogContext } from '../../../context.ts';

/** Query.categories: the roots; the whole tree is loaded once and served from the loaders. */
export async function categories(_parent: unknown, _args: unknown, context: CatalogContext) {
  const all = await listCategories(context.deps);
  primeCategoryTree(context.loaders, all);
  return all.filter((category) => category.parentId === null);
}
