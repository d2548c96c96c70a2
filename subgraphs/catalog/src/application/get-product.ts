import type { Viewer } from '@drobble/kit/auth/viewer';
import { badInput } from '@drobble/kit/errors';
import { isUuid } from '../domain/ids.ts';
import { isCatalogStaff } from '../domain/product-listing.ts';
import type { ProductWithVariants } from '../domain/product.ts';
import { findLiveProduct } from '../infra/product-repository.ts';
import type { CatalogDeps } from './deps.ts';

/**
 * product(id, slug): by id, by slug, or both (both must match). Deleted products are null for
 * everyone; inactive ones are null for the storefront and visible to ADMIN and SELLER.
 */
export async function getProduct(deps: CatalogDeps, viewer: Viewer, args: { id?: string | null; slug?: string | null }): Promise<ProductWithVariants | null> {
  const { id, slug } = args;
  if ((id === null || id === undefined) && (slug === null || slug === undefined)) throw badInput('id', 'give the product id or slug');
  if (id !== null && id !== undefined && !isUuid(id)) return null;
  const by = { ...(id ? { id: id.toLowerCase() } : {}), ...(slug !== null && slug !== undefined ? { slug } : {}) };
  const product = await findLiveProduct(deps.prisma, by);
  if (!product || (!product.active && !isCatalogStaff(viewer))) return null;
  return product;
}
