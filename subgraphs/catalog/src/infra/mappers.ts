import type { Category, KeyValue, Product, ProductWithVariants, Variant, VariantOption } from '../domain/product.ts';
import type { Category as CategoryRow, Product as ProductRow, ProductVariant as VariantRow } from '../generated/prisma/client.ts';

const pairs = <T>(value: unknown, pick: (item: Record<string, unknown>) => T): T[] =>
  Array.isArray(value) ? value.filter((item) => item && typeof item === 'object').map((item) => pick(item as Record<string, unknown>)) : [];

export const toKeyValues = (value: unknown): KeyValue[] => pairs(value, (item) => ({ key: String(item.key ?? ''), value: String(item.value ?? '') }));
export const toOptions = (value: unknown): VariantOption[] => pairs(value, (item) => ({ name: String(item.name ?? ''), value: String(item.value ?? '') }));

export function toVariant(row: VariantRow): Variant {
  return { id: row.id, productId: row.productId, sku: row.sku, name: row.name, options: toOptions(row.options), price: row.price, position: row.position };
}

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    images: row.images ?? [],
    attributes: toKeyValues(row.attributes),
    categoryId: row.categoryId,
    featured: row.featured,
    active: row.active,
    deletedAt: row.deletedAt,
    currency: row.currency,
    version: row.version,
    createdById: row.createdById,
    minPrice: row.minPrice,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toProductWithVariants(row: ProductRow & { variants: VariantRow[] }): ProductWithVariants {
  return { ...toProduct(row), variants: row.variants.map(toVariant) };
}

export function toCategory(row: CategoryRow): Category {
  return { id: row.id, name: row.name, slug: row.slug, parentId: row.parentId, createdAt: row.createdAt };
}
