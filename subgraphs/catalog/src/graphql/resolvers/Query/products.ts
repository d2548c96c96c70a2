import { listProducts, type ListProductsArgs } from '../../../application/list-products.ts';
import type { CatalogContext } from '../../../context.ts';

/** Query.products: one page; its rows prime the product loader for later entity lookups. */
export async function products(_parent: unknown, args: ListProductsArgs, context: CatalogContext) {
  const page = await listProducts(context.deps, context.viewer, args);
  for (const product of page.items) context.loaders.productById.prime(product.id, product);
  return page;
}
