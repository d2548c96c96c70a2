import { z } from 'zod';
import { id } from './envelope.ts';

/**
 * Catalog events. Product events carry the whole product snapshot (not a diff), so a consumer such
 * as search or cart can upsert its copy from one event and ignore older `version`s it sees late.
 */

const currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code');
const nameValue = z.object({ name: z.string().min(1), value: z.string() });

export const productVariantSnapshot = z.object({
  id: id(),
  sku: z.string().min(1),
  name: z.string(),
  /** Integer minor units in the product's currency. */
  price: z.number().int().nonnegative(),
  options: z.array(nameValue),
});

export const productSnapshot = z.object({
  id: id(),
  slug: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  categoryId: id().nullable(),
  active: z.boolean(),
  featured: z.boolean(),
  currency,
  attributes: z.array(z.object({ key: z.string().min(1), value: z.string() })),
  images: z.array(z.string().min(1)),
  variants: z.array(productVariantSnapshot),
  /** The product's optimistic-concurrency version after this change. */
  version: z.number().int().nonnegative(),
});
export type ProductSnapshot = z.infer<typeof productSnapshot>;

/**
 * created: the snapshot, each variant also carrying the stock it starts with (createProduct's
 * `initialStock`, for inventory; absent means 0). updated: the snapshot. deleted: the last snapshot.
 */
export const productCreatedV1 = productSnapshot.extend({
  variants: z.array(productVariantSnapshot.extend({ initialStock: z.number().int().nonnegative().optional() })),
});
export const productUpdatedV1 = productSnapshot;
export const productDeletedV1 = productSnapshot;

export const categoryCreatedV1 = z.object({
  id: id(),
  name: z.string().min(1),
  slug: z.string().min(1),
  parentId: id().nullable(),
});

/** Subject -> payload schema for the catalog context. */
export const catalogEvents = {
  'catalog.product.created.v1': productCreatedV1,
  'catalog.product.updated.v1': productUpdatedV1,
  'catalog.product.deleted.v1': productDeletedV1,
  'catalog.category.created.v1': categoryCreatedV1,
} as const;
