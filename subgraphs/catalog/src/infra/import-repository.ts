import type { EventOf, Subject } from '@drobble/schema/events';
import type { Db } from './prisma.ts';

/** What an import needs to know about a product it may touch. */
export interface ProductHead {
  id: string;
  slug: string;
  currency: string;
  deleted: boolean;
  createdById: string | null;
  /** Highest variant position, so added variants go last. */
  lastPosition: number;
}

const CHUNK = 5_000;
const chunks = <T>(list: readonly T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/** Existing variants by SKU: sku -> { id, productId }. */
export async function variantsBySku(db: Db, skus: readonly string[]): Promise<Map<string, { id: string; productId: string }>> {
  const found = new Map<string, { id: string; productId: string }>();
  for (const part of chunks(skus)) {
    const rows = await db.productVariant.findMany({ where: { sku: { in: [...part] } }, select: { id: true, sku: true, productId: true } });
    for (const row of rows) found.set(row.sku, { id: row.id, productId: row.productId });
  }
  return found;
}

/** Products by id or slug (deleted included, so a row can be told why it failed). */
export async function productHeads(db: Db, ids: readonly string[], slugs: readonly string[]): Promise<ProductHead[]> {
  const rows = await db.$queryRaw<ProductHead[]>`SELECT p.id, p.slug, p.currency, p.deleted_at IS NOT NULL AS deleted, p.created_by_id AS "createdById",
      COALESCE((SELECT max(v.position) FROM "catalog"."product_variant" v WHERE v.product_id = p.id), -1)::int AS "lastPosition"
    FROM "catalog"."product" p WHERE p.id = ANY(${[...ids]}::uuid[]) OR p.slug = ANY(${[...slugs]}::text[])`;
  return rows;
}

export async function categoryIdsBySlug(db: Db, slugs: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.category.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true, slug: true } });
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export interface NewVariantRow {
  id: string;
  productId: string;
  sku: string;
  name: string;
  options: { name: string; value: string }[];
  price: number;
  position: number;
}

/** Inserts variants with one INSERT ... SELECT FROM unnest(...) per chunk (a few array parameters, not thousands). */
export async function insertVariants(db: Db, variants: readonly NewVariantRow[]): Promise<void> {
  for (const part of chunks(variants)) {
    await db.$executeRaw`INSERT INTO "catalog"."product_variant" (id, product_id, sku, name, options, price, position)
      SELECT d.id, d.product_id, d.sku, d.name, d.options::jsonb, d.price, d.position
      FROM unnest(${part.map((v) => v.id)}::uuid[], ${part.map((v) => v.productId)}::uuid[], ${part.map((v) => v.sku)}::text[],
        ${part.map((v) => v.name)}::text[], ${part.map((v) => JSON.stringify(v.options))}::text[], ${part.map((v) => v.price)}::int[],
        ${part.map((v) => v.position)}::int[]) AS d(id, product_id, sku, name, options, price, position)`;
  }
}

export interface NewProductRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  images: string[];
  categoryId: string | null;
  featured: boolean;
  active: boolean;
  currency: string;
  createdById: string | null;
  minPrice: number;
}

/** Inserts products with one INSERT ... SELECT FROM unnest(...) per chunk. */
export async function insertProducts(db: Db, products: readonly NewProductRow[]): Promise<void> {
  for (const part of chunks(products)) {
    await db.$executeRaw`INSERT INTO "catalog"."product"
        (id, slug, name, description, images, attributes, category_id, featured, active, currency, created_by_id, min_price, version, created_at, updated_at)
      SELECT d.id, d.slug, d.name, d.description, ARRAY(SELECT jsonb_array_elements_text(d.images::jsonb)), '[]'::jsonb, d.category_id,
        d.featured, d.active, d.currency, d.created_by_id, d.min_price, 1, now(), now()
      FROM unnest(${part.map((p) => p.id)}::uuid[], ${part.map((p) => p.slug)}::text[], ${part.map((p) => p.name)}::text[],
        ${part.map((p) => p.description)}::text[], ${part.map((p) => JSON.stringify(p.images))}::text[], ${part.map((p) => p.categoryId)}::uuid[],
        ${part.map((p) => p.featured)}::boolean[], ${part.map((p) => p.active)}::boolean[], ${part.map((p) => p.currency)}::text[],
        ${part.map((p) => p.createdById)}::uuid[], ${part.map((p) => p.minPrice)}::int[])
        AS d(id, slug, name, description, images, category_id, featured, active, currency, created_by_id, min_price)`;
  }
}

/** Name, options and price of existing variants, in one statement per chunk. */
export async function updateVariants(db: Db, variants: readonly Omit<NewVariantRow, 'productId' | 'sku' | 'position'>[]): Promise<void> {
  for (const part of chunks(variants)) {
    await db.$executeRaw`UPDATE "catalog"."product_variant" AS v SET name = d.name, price = d.price, options = d.options::jsonb
      FROM unnest(${part.map((x) => x.id)}::uuid[], ${part.map((x) => x.name)}::text[], ${part.map((x) => x.price)}::int[],
        ${part.map((x) => JSON.stringify(x.options))}::text[]) AS d(id, name, price, options)
      WHERE v.id = d.id`;
  }
}

export interface ProductPatchRow {
  id: string;
  name: string;
  description: string | null;
  categoryId: string | null;
  images: string[] | null;
  featured: boolean | null;
  active: boolean | null;
}

/** Applies the given (non-null) fields to existing products and bumps their version, one statement per chunk. */
export async function updateProducts(db: Db, patches: readonly ProductPatchRow[]): Promise<void> {
  for (const part of chunks(patches)) {
    await db.$executeRaw`UPDATE "catalog"."product" AS p SET name = d.name, description = COALESCE(d.description, p.description),
        category_id = COALESCE(d.category_id, p.category_id), featured = COALESCE(d.featured, p.featured), active = COALESCE(d.active, p.active),
        images = COALESCE(ARRAY(SELECT jsonb_array_elements_text(d.images::jsonb)), p.images),
        version = p.version + 1, updated_at = now()
      FROM unnest(${part.map((x) => x.id)}::uuid[], ${part.map((x) => x.name)}::text[], ${part.map((x) => x.description)}::text[],
        ${part.map((x) => x.categoryId)}::uuid[], ${part.map((x) => x.featured)}::boolean[], ${part.map((x) => x.active)}::boolean[],
        ${part.map((x) => (x.images ? JSON.stringify(x.images) : null))}::text[]) AS d(id, name, description, category_id, featured, active, images)
      WHERE p.id = d.id`;
  }
}

/** Keeps min_price equal to the lowest variant price of these products. */
export async function refreshMinPrices(db: Db, productIds: readonly string[]): Promise<void> {
  for (const part of chunks(productIds)) {
    await db.$executeRaw`UPDATE "catalog"."product" AS p SET min_price = (SELECT min(v.price) FROM "catalog"."product_variant" v WHERE v.product_id = p.id)
      WHERE p.id = ANY(${[...part]}::uuid[])`;
  }
}

/**
 * Outbox rows for many events at once (createMany). They share one createdAt: each concerns a
 * different product, so their order among themselves does not matter, and none is dated after
 * events recorded later.
 */
export async function insertOutboxEvents(db: Db, events: readonly EventOf<Subject>[]): Promise<void> {
  const createdAt = new Date();
  for (const part of chunks(events)) {
    await db.$executeRaw`INSERT INTO "catalog"."outbox_event" (id, subject, envelope, created_at, attempts)
      SELECT d.id, d.subject, d.envelope::jsonb, (${createdAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), 0
      FROM unnest(${part.map((e) => e.id)}::uuid[], ${part.map((e) => `${e.type}.v${e.version}`)}::text[], ${part.map((e) => JSON.stringify(e))}::text[])
        AS d(id, subject, envelope)`;
  }
}
