import { randomUUID } from 'node:crypto';
import type { PayloadOf } from '@drobble/schema/events';

export type ProductCreated = PayloadOf<'catalog.product.created.v1'>;

/** A catalog.product.created.v1 payload with one variant per entry of `variants`. */
export function productCreated(variants: { price: number; initialStock?: number }[], overrides: Partial<ProductCreated> = {}): ProductCreated {
  const suffix = randomUUID().slice(0, 8);
  return {
    id: randomUUID(),
    slug: `product-${suffix}`,
    name: `Product ${suffix}`,
    description: '',
    categoryId: null,
    active: true,
    featured: false,
    currency: 'USD',
    attributes: [],
    images: [],
    variants: variants.map((variant, index) => ({
      id: randomUUID(),
      sku: `SKU-${suffix}-${index}`,
      name: `Variant ${index}`,
      price: variant.price,
      options: [],
      ...(variant.initialStock === undefined ? {} : { initialStock: variant.initialStock }),
    })),
    version: 1,
    ...overrides,
  };
}

/** The snapshot a catalog.product.updated.v1 would carry after `change`, one version later. */
export function productUpdated(product: ProductCreated, change: Partial<ProductCreated> = {}): PayloadOf<'catalog.product.updated.v1'> {
  const variants = product.variants.map(({ initialStock: _stock, ...variant }) => variant);
  return { ...product, variants, version: product.version + 1, ...change };
}
