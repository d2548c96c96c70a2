import type { ProductQuery, SortKey } from '../domain/product-listing.ts';
import type { Prisma } from './prisma.ts';

/**
 * ProductQuery -> Prisma where. `categoryIds` is the requested category with its descendants;
 * `lowStockIds` the products the stock projection marks low (for LOW_STOCK).
 */
export function productWhere(query: ProductQuery, categoryIds?: readonly string[], lowStockIds?: readonly string[]): Prisma.ProductWhereInput {
  const where: Prisma.ProductWhereInput = { deletedAt: null };
  if (lowStockIds) where.id = { in: [...lowStockIds] };
  if (query.active !== undefined) where.active = query.active;
  if (categoryIds) where.categoryId = { in: [...categoryIds] };
  if (query.minPrice !== undefined || query.maxPrice !== undefined) {
    where.minPrice = {
      ...(query.minPrice !== undefined ? { gte: query.minPrice } : {}),
      ...(query.maxPrice !== undefined ? { lte: query.maxPrice } : {}),
    };
  }
  if (query.featured !== undefined) where.featured = query.featured;
  if (query.search) {
    where.OR = [
      { name: { contains: query.search, mode: 'insensitive' } },
      { description: { contains: query.search, mode: 'insensitive' } },
    ];
  }
  return where;
}

/** Sort keys -> Prisma orderBy (the id tiebreak is already the last key). */
export function productOrderBy(keys: readonly SortKey[]): Prisma.ProductOrderByWithRelationInput[] {
  return keys.map((key) => ({ [key.field]: key.direction }) as Prisma.ProductOrderByWithRelationInput);
}
