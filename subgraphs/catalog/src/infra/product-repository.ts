import { randomUUID } from 'node:crypto';
import type { ProductDraft, ProductPatch, VariantDraft } from '../domain/product-input.ts';
import type { ProductQuery, SortKey } from '../domain/product-listing.ts';
import type { Paging } from '@drobble/kit/paging';
import type { ProductWithVariants, Variant } from '../domain/product.ts';
import { lowestPrice } from '../domain/money.ts';
import { productOrderBy, productWhere } from './listing-query.ts';
import { toProductWithVariants, toVariant } from './mappers.ts';
import type { Db, Prisma } from './prisma.ts';
import { categorySubtree } from './category-repository.ts';
import { lowStockProductIds } from './stock-projection.ts';

const withVariants = { variants: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } } satisfies Prisma.ProductInclude;

/** One page of products with their variants: a count, the page, and one query for all its variants. */
export async function listProducts(db: Db, query: ProductQuery, sort: readonly SortKey[], paging: Paging) {
  const categoryIds = query.categoryId ? await categorySubtree(db, query.categoryId) : undefined;
  const lowStockIds = query.lowStock ? await lowStockProductIds(db) : undefined;
  const where = productWhere(query, categoryIds, lowStockIds);
  const [total, rows] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({ where, orderBy: productOrderBy(sort), skip: paging.skip, take: paging.take, include: withVariants }),
  ]);
  return { total, items: rows.map(toProductWithVariants) };
}

/** Products by id, deleted ones included (entity references must still resolve for order history). */
export async function findProductsByIds(db: Db, ids: readonly string[]): Promise<Map<string, ProductWithVariants>> {
  const rows = await db.product.findMany({ where: { id: { in: [...ids] } }, include: withVariants });
  return new Map(rows.map((row) => [row.id, toProductWithVariants(row)]));
}

/** A product that is not deleted, by id and/or slug. */
export async function findLiveProduct(db: Db, by: { id?: string; slug?: string }): Promise<ProductWithVariants | null> {
  const row = await db.product.findFirst({ where: { ...by, deletedAt: null }, include: withVariants });
  return row ? toProductWithVariants(row) : null;
}

export async function findVariantsByIds(db: Db, ids: readonly string[]): Promise<Map<string, Variant>> {
  const rows = await db.productVariant.findMany({ where: { id: { in: [...ids] } } });
  return new Map(rows.map((row) => [row.id, toVariant(row)]));
}

export async function findVariantsByProductIds(db: Db, productIds: readonly string[]): Promise<Map<string, Variant[]>> {
  const rows = await db.productVariant.findMany({ where: { productId: { in: [...productIds] } }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  const byProduct = new Map<string, Variant[]>();
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), toVariant(row)]);
  return byProduct;
}

/** Of these SKUs, the ones already in use. */
export async function takenSkus(db: Db, skus: readonly string[]): Promise<Set<string>> {
  const rows = await db.productVariant.findMany({ where: { sku: { in: [...skus] } }, select: { sku: true } });
  return new Set(rows.map((row) => row.sku));
}

/** Slugs in use that equal `base` or start with `base-`. */
export async function slugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db.product.findMany({ where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] }, select: { slug: true } });
  return new Set(rows.map((row) => row.slug));
}

export interface NewProduct extends Omit<ProductDraft, 'variants'> {
  slug: string;
  createdById: string | null;
  variants: (VariantDraft & { id?: string })[];
  /** Fixed ids and dates are for the demo seed; normally generated. */
  id?: string;
  featured?: boolean;
  createdAt?: Date;
}

/** Inserts a product with its variants; returns it as stored. */
export async function insertProduct(db: Db, product: NewProduct): Promise<ProductWithVariants> {
  const row = await db.product.create({
    data: {
      id: product.id ?? randomUUID(),
      slug: product.slug,
      name: product.name,
      description: product.description,
      images: product.images,
      attributes: product.attributes as unknown as Prisma.InputJsonValue,
      categoryId: product.categoryId,
      featured: product.featured ?? false,
      currency: product.currency,
      createdById: product.createdById,
      minPrice: lowestPrice(product.variants.map((variant) => variant.price)),
      ...(product.createdAt ? { createdAt: product.createdAt } : {}),
      variants: {
        create: product.variants.map((variant) => ({
          id: variant.id ?? randomUUID(),
          sku: variant.sku,
          name: variant.name,
          options: variant.options as unknown as Prisma.InputJsonValue,
          price: variant.price,
          position: variant.position,
        })),
      },
    },
    include: withVariants,
  });
  return toProductWithVariants(row);
}

/**
 * Applies the patch and bumps the version in one conditional UPDATE (id, not deleted, and the
 * expected version when given). Returns false when no row matched.
 */
export async function updateProductIf(db: Db, id: string, condition: { version?: number; createdById?: string }, patch: ProductPatch): Promise<boolean> {
  const { attributes, ...rest } = patch;
  const result = await db.product.updateMany({
    where: { id, deletedAt: null, ...condition },
    data: { ...rest, ...(attributes ? { attributes: attributes as unknown as Prisma.InputJsonValue } : {}), version: { increment: 1 } },
  });
  return result.count === 1;
}

/** Soft delete: deletedAt, inactive, version bump; false when missing, already deleted, or `condition` fails. */
export async function softDeleteProduct(db: Db, id: string, at: Date, condition: { createdById?: string } = {}): Promise<boolean> {
  const result = await db.product.updateMany({ where: { id, deletedAt: null, ...condition }, data: { deletedAt: at, active: false, version: { increment: 1 } } });
  return result.count === 1;
}

/** The row's current version and deletion state, or null when there is no such product. */
export async function productState(db: Db, id: string): Promise<{ version: number; deleted: boolean; createdById: string | null } | null> {
  const row = await db.product.findUnique({ where: { id }, select: { version: true, deletedAt: true, createdById: true } });
  return row ? { version: row.version, deleted: row.deletedAt !== null, createdById: row.createdById } : null;
}

export const countProducts = (db: Db) => db.product.count();
