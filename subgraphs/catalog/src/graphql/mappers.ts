import type { Category, ProductWithVariants, Variant } from '../domain/product.ts';

/** The parent object behind each GraphQL type. */
export type ProductParent = ProductWithVariants;
/** A variant plus its product's currency when known (saves a lookup for price). */
export type VariantParent = Variant & { currency?: string };
export type CategoryParent = Category;

export const withCurrency = (product: ProductWithVariants): VariantParent[] =>
  product.variants.map((variant) => ({ ...variant, currency: product.currency }));
