import { getProduct } from '../../../application/get-product.ts';
import type { CatalogContext } from '../../../context.ts';

/** Query.product(id, slug). */
export function product(_parent: unknown, args: { id?: string | null; slug?: string | null }, context: CatalogContext) {
  return getProduct(context.deps, context.viewer, args);
}
