import { randomUUID } from 'node:crypto';
import type { SignedInViewer } from '@drobble/kit/auth/viewer';
import { defaultCurrency, type ImportRow, type RowError } from '../domain/import-rows.ts';
import { mayChange } from '../domain/ownership.ts';
import type { VariantDraft } from '../domain/product-input.ts';
import type { NewVariantRow, ProductHead, ProductPatchRow } from '../infra/import-repository.ts';

/** What the database already holds, as far as the import's rows are concerned. */
export interface ImportLookups {
  variantsBySku: Map<string, { id: string; productId: string }>;
  heads: ProductHead[];
  categoryIdsBySlug: Map<string, string>;
}

export interface NewProductPlan {
  id: string;
  first: ImportRow;
  categoryId: string | null;
  variants: (VariantDraft & { id: string })[];
}

/** The writes of one import, decided before any is made. */
export interface ImportPlan {
  newProducts: Map<string, NewProductPlan>;
  patches: Map<string, ProductPatchRow>;
  addedVariants: NewVariantRow[];
  changedVariants: { id: string; name: string; options: VariantDraft['options']; price: number }[];
  created: number;
  updated: number;
  errors: RowError[];
}

/**
 * Upsert by SKU: a known SKU updates its variant and its product; a new SKU joins the product with
 * the row's slug (existing, or created from the first row of that slug). A row fails on its own
 * (unknown category, deleted product, another seller's product, a currency other than the product's).
 */
export function planImport(rows: readonly ImportRow[], lookups: ImportLookups, viewer: SignedInViewer): ImportPlan {
  const byId = new Map(lookups.heads.map((head) => [head.id, head]));
  const bySlug = new Map(lookups.heads.map((head) => [head.slug, head]));
  const nextPosition = new Map(lookups.heads.map((head) => [head.id, head.lastPosition + 1]));
  const plan: ImportPlan = { newProducts: new Map(), patches: new Map(), addedVariants: [], changedVariants: [], created: 0, updated: 0, errors: [] };
  for (const row of rows) {
    const fail = (message: string) => void plan.errors.push({ row: row.row, message });
    const categoryId = row.categorySlug === null ? null : (lookups.categoryIdsBySlug.get(row.categorySlug) ?? undefined);
    if (categoryId === undefined) { fail(`category ${row.categorySlug} does not exist`); continue; }
    const known = lookups.variantsBySku.get(row.variant.sku);
    const head = known ? byId.get(known.productId) : bySlug.get(row.productSlug);
    if (!head) {
      const planned = plan.newProducts.get(row.productSlug);
      if (planned && defaultCurrency(row) !== defaultCurrency(planned.first) && row.currency !== null) { fail(`currency ${row.currency} differs from the product's ${defaultCurrency(planned.first)}`); continue; }
      const product = planned ?? { id: randomUUID(), first: row, categoryId, variants: [] };
      product.variants.push({ ...row.variant, id: randomUUID(), position: product.variants.length });
      plan.newProducts.set(row.productSlug, product);
      plan.created++;
      continue;
    }
    if (head.deleted) { fail(`product ${head.slug} is deleted`); continue; }
    if (!mayChange(viewer, head.createdById)) { fail(`product ${head.slug} belongs to another seller`); continue; }
    if (row.currency !== null && row.currency !== head.currency) { fail(`currency ${row.currency} differs from the product's ${head.currency}`); continue; }
    if (!plan.patches.has(head.id)) {
      plan.patches.set(head.id, { id: head.id, name: row.name, description: row.description, categoryId, images: row.images, featured: row.featured, active: row.active });
    }
    if (known) {
      plan.changedVariants.push({ id: known.id, name: row.variant.name, options: row.variant.options, price: row.variant.price });
      plan.updated++;
    } else {
      const position = nextPosition.get(head.id)!;
      nextPosition.set(head.id, position + 1);
      plan.addedVariants.push({ id: randomUUID(), productId: head.id, sku: row.variant.sku, name: row.variant.name, options: row.variant.options, price: row.variant.price, position });
      plan.created++;
    }
  }
  return plan;
}
