import type { Category, ProductWithVariants, Variant } from '../domain/product.ts';
import { findCategoriesByIds, findChildrenOf } from '../infra/category-repository.ts';
import { BatchLoader } from '../infra/batch-loader.ts';
import { findProductsByIds, findVariantsByIds } from '../infra/product-repository.ts';
import type { CatalogDeps } from './deps.ts';

/** Per-request batch loaders: each resolves all the keys asked for in one execution step with one query. */
export interface CatalogLoaders {
  /** Any product by id, deleted ones included (entity references, variant.product). */
  productById: BatchLoader<string, ProductWithVariants | null>;
  variantById: BatchLoader<string, Variant | null>;
  categoryById: BatchLoader<string, Category | null>;
  childrenOf: BatchLoader<string, Category[]>;
}

export function createLoaders(deps: CatalogDeps): CatalogLoaders {
  const db = deps.prisma;
  return {
    productById: new BatchLoader((ids) => findProductsByIds(db, ids), () => null),
    variantById: new BatchLoader((ids) => findVariantsByIds(db, ids), () => null),
    categoryById: new BatchLoader((ids) => findCategoriesByIds(db, ids), () => null),
    childrenOf: new BatchLoader((ids) => findChildrenOf(db, ids), () => []),
  };
}

/** Fills the category loaders from a full category list, so a whole tree resolves with no further query. */
export function primeCategoryTree(loaders: CatalogLoaders, categories: readonly Category[]): void {
  const children = new Map<string, Category[]>(categories.map((category) => [category.id, []]));
  for (const category of categories) {
    loaders.categoryById.prime(category.id, category);
    if (category.parentId) children.get(category.parentId)?.push(category);
  }
  for (const [id, list] of children) loaders.childrenOf.prime(id, list);
}
