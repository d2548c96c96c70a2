import { catalogEvents, type ProductSnapshot } from '@drobble/schema/events';
import type { Viewer } from '@drobble/kit/auth/viewer';
import type { EventMeta } from '@drobble/schema/events';
import type { VariantDraft } from '../domain/product-input.ts';
import type { ProductWithVariants } from '../domain/product.ts';

/** The full product as published in catalog.product.*.v1 events. */
export function productSnapshot(product: ProductWithVariants): ProductSnapshot {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    categoryId: product.categoryId,
    active: product.active,
    featured: product.featured,
    currency: product.currency,
    attributes: product.attributes.map(({ key, value }) => ({ key, value })),
    images: [...product.images],
    variants: product.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      name: variant.name,
      price: variant.price,
      options: variant.options.map(({ name, value }) => ({ name, value })),
    })),
    version: product.version,
  };
}

/**
 * catalog.product.created.v1: the snapshot plus each variant's initialStock for inventory. Until the
 * event schema carries initialStock (see the report to the lead), the plain snapshot is sent.
 */
export function productCreatedPayload(product: ProductWithVariants, drafts: readonly VariantDraft[]): ProductSnapshot {
  const snapshot = productSnapshot(product);
  const stockBySku = new Map(drafts.map((draft) => [draft.sku, draft.initialStock]));
  const withStock = { ...snapshot, variants: snapshot.variants.map((variant) => ({ ...variant, initialStock: stockBySku.get(variant.sku) ?? 0 })) };
  return catalogEvents['catalog.product.created.v1'].safeParse(withStock).success ? withStock : snapshot;
}

/** Envelope facts for an event caused by this request. */
export function eventMeta(viewer: Viewer, correlationId: string): EventMeta {
  return { correlationId, actor: viewer.userId ? { userId: viewer.userId, roles: [...viewer.roles] } : null };
}
