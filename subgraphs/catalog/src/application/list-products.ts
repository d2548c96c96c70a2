import type { Viewer } from '@drobble/kit/auth/viewer';
import { parsePaging } from '@drobble/kit/paging';
import { buildProductQuery, sortKeys, type ProductFilterInput, type ProductSort } from '../domain/product-listing.ts';
import type { ProductWithVariants } from '../domain/product.ts';
import { listProducts as queryProducts } from '../infra/product-repository.ts';
import type { CatalogDeps } from './deps.ts';

export interface ProductPage {
  items: ProductWithVariants[];
  pageInfo: { page: number; pageSize: number; total: number };
}

export interface ListProductsArgs {
  filter?: ProductFilterInput | null;
  sort?: ProductSort | null;
  page?: number | null;
  pageSize?: number | null;
}

/** products(filter, sort, page, pageSize): the storefront sees active products; staff may filter by status. */
export async function listProducts(deps: CatalogDeps, viewer: Viewer, args: ListProductsArgs): Promise<ProductPage> {
  const paging = parsePaging(args.page, args.pageSize);
  const query = buildProductQuery(viewer, args.filter);
  const { items, total } = await queryProducts(deps.prisma, query, sortKeys(args.sort), paging);
  return { items, pageInfo: { page: paging.page, pageSize: paging.pageSize, total } };
}
