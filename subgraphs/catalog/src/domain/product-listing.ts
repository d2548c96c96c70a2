import { hasRole } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { DomainError, ErrorCode, badInput } from '@drobble/kit/errors';
import { isUuid } from './ids.ts';

export const ProductSorts = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME_ASC', 'NAME_DESC'] as const;
export type ProductSort = (typeof ProductSorts)[number];
export type ProductStatusFilter = 'ACTIVE' | 'INACTIVE' | 'LOW_STOCK';

export interface ProductFilterInput {
  categoryId?: string | null;
  minPrice?: number | null;
  maxPrice?: number | null;
  featured?: boolean | null;
  search?: string | null;
  status?: ProductStatusFilter | null;
}

/** What the listing asks the repository for; storage-neutral. */
export interface ProductQuery {
  /** undefined = active and inactive (staff only); deleted products are never listed. */
  active?: boolean;
  /** The category to list, descendants included (expanded by the repository). */
  categoryId?: string;
  minPrice?: number;
  maxPrice?: number;
  featured?: boolean;
  search?: string;
  /** Only products with a variant low on stock (from the inventory.stock.changed projection). */
  lowStock?: true;
}

export type SortField = 'createdAt' | 'minPrice' | 'name';
export interface SortKey {
  field: SortField | 'id';
  direction: 'asc' | 'desc';
}

/** Staff (ADMIN, SELLER) see inactive products and may filter by status. */
export const isCatalogStaff = (viewer: Viewer) => hasRole(viewer, 'ADMIN', 'SELLER');

function priceBound(value: number | null | undefined, field: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0) throw badInput(field, `${field} must be 0 or more (minor units)`);
  return value;
}

function visibility(viewer: Viewer, status: ProductStatusFilter | null | undefined): Pick<ProductQuery, 'active' | 'lowStock'> {
  if (!isCatalogStaff(viewer)) {
    if (status && status !== 'ACTIVE') throw new DomainError(ErrorCode.FORBIDDEN, 'Only ADMIN and SELLER may filter by status', { field: 'filter.status' });
    return { active: true };
  }
  if (status === 'LOW_STOCK') return { lowStock: true };
  if (status === 'ACTIVE') return { active: true };
  if (status === 'INACTIVE') return { active: false };
  return {};
}

/** Turns the viewer and the GraphQL filter into a ProductQuery; BAD_USER_INPUT / FORBIDDEN on bad filters. */
export function buildProductQuery(viewer: Viewer, filter: ProductFilterInput | null | undefined): ProductQuery {
  const f = filter ?? {};
  const query: ProductQuery = visibility(viewer, f.status);
  if (f.categoryId !== null && f.categoryId !== undefined) {
    if (!isUuid(f.categoryId)) throw badInput('filter.categoryId', 'category does not exist');
    query.categoryId = f.categoryId.toLowerCase();
  }
  const minPrice = priceBound(f.minPrice, 'filter.minPrice');
  const maxPrice = priceBound(f.maxPrice, 'filter.maxPrice');
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) throw badInput('filter.maxPrice', 'maxPrice must not be below minPrice');
  if (minPrice !== undefined) query.minPrice = minPrice;
  if (maxPrice !== undefined) query.maxPrice = maxPrice;
  if (f.featured !== null && f.featured !== undefined) query.featured = f.featured;
  const search = f.search?.trim();
  if (search) {
    if (search.length > 200) throw badInput('filter.search', 'search must be at most 200 characters');
    query.search = search;
  }
  return query;
}

const SORT_KEYS: Record<ProductSort, SortKey> = {
  NEWEST: { field: 'createdAt', direction: 'desc' },
  PRICE_ASC: { field: 'minPrice', direction: 'asc' },
  PRICE_DESC: { field: 'minPrice', direction: 'desc' },
  NAME_ASC: { field: 'name', direction: 'asc' },
  NAME_DESC: { field: 'name', direction: 'desc' },
};

/** The sort keys, always ending with id so equal values page stably. Default NEWEST. */
export function sortKeys(sort: ProductSort | null | undefined): SortKey[] {
  const primary = SORT_KEYS[sort ?? 'NEWEST'];
  return [primary, { field: 'id', direction: primary.direction }];
}
