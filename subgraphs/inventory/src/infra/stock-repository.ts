import { randomUUID } from 'node:crypto';
import type { StockItem } from '../domain/stock.ts';
import { Prisma, type Db } from './prisma.ts';

const COLUMNS = Prisma.sql`variant_id AS "variantId", product_id AS "productId", sku, on_hand AS "onHand", reserved,
  low_stock_threshold AS "lowStockThreshold", discontinued, version`;

const byVariant = (rows: StockItem[]) => new Map(rows.map((row) => [row.variantId, row]));

/** The rows of these variants, locked (FOR UPDATE, in variant order) until the transaction ends. */
export async function lockStock(tx: Db, variantIds: readonly string[]): Promise<Map<string, StockItem>> {
  const rows = await tx.$queryRaw<StockItem[]>`SELECT ${COLUMNS} FROM "inventory"."stock_item"
    WHERE variant_id = ANY(${[...variantIds]}::uuid[]) ORDER BY variant_id FOR UPDATE`;
  return byVariant(rows);
}

/** Stock of these variants (no lock): one query, for the entity loaders. */
export async function findStock(db: Db, variantIds: readonly string[]): Promise<Map<string, StockItem>> {
  const rows = await db.$queryRaw<StockItem[]>`SELECT ${COLUMNS} FROM "inventory"."stock_item" WHERE variant_id = ANY(${[...variantIds]}::uuid[])`;
  return byVariant(rows);
}

/** Per product: whether any of its live variants has a unit available. One query. */
export async function findInStock(db: Db, productIds: readonly string[]): Promise<Map<string, boolean>> {
  const rows = await db.$queryRaw<{ productId: string; inStock: boolean }[]>`SELECT product_id AS "productId",
    bool_or(on_hand > reserved AND NOT discontinued) AS "inStock"
    FROM "inventory"."stock_item" WHERE product_id = ANY(${[...productIds]}::uuid[]) GROUP BY product_id`;
  return new Map(rows.map((row) => [row.productId, row.inStock]));
}

export interface StockDelta {
  variantId: string;
  onHandDelta: number;
  reservedDelta: number;
}

/**
 * Applies every delta in ONE conditional UPDATE: a row changes only if its new onHand and reserved
 * stay within 0 <= reserved <= onHand. Returns the rows it changed (a missing one failed its condition).
 */
export async function applyDeltas(tx: Db, deltas: readonly StockDelta[]): Promise<Map<string, StockItem>> {
  if (deltas.length === 0) return new Map();
  const rows = await tx.$queryRaw<StockItem[]>`UPDATE "inventory"."stock_item" AS s
    SET on_hand = s.on_hand + d.on_hand_delta, reserved = s.reserved + d.reserved_delta, version = s.version + 1, updated_at = now()
    FROM unnest(${deltas.map((d) => d.variantId)}::uuid[], ${deltas.map((d) => d.onHandDelta)}::int[], ${deltas.map((d) => d.reservedDelta)}::int[])
      AS d(variant_id, on_hand_delta, reserved_delta)
    WHERE s.variant_id = d.variant_id
      AND s.reserved + d.reserved_delta >= 0
      AND s.on_hand + d.on_hand_delta >= s.reserved + d.reserved_delta
    RETURNING s.variant_id AS "variantId", s.product_id AS "productId", s.sku, s.on_hand AS "onHand", s.reserved,
      s.low_stock_threshold AS "lowStockThreshold", s.discontinued, s.version`;
  return byVariant(rows);
}

export interface Movement extends StockDelta {
  reason: string;
  orderId?: string | null;
  actorId?: string | null;
}

/** Appends to the movement log (never updated or deleted). */
export async function appendMovements(tx: Db, movements: readonly Movement[]): Promise<void> {
  if (movements.length === 0) return;
  await tx.stockMovement.createMany({
    data: movements.map((m) => ({
      id: randomUUID(),
      variantId: m.variantId,
      onHandDelta: m.onHandDelta,
      reservedDelta: m.reservedDelta,
      reason: m.reason,
      orderId: m.orderId ?? null,
      actorId: m.actorId ?? null,
    })),
  });
}

export interface KnownVariant {
  variantId: string;
  productId: string;
  sku: string;
  initialStock: number;
}

/**
 * Records variants from catalog events: new ones start with `initialStock` on hand; known ones keep
 * their stock and their discontinued mark (deletion is final in the catalog, so a created or updated
 * event redelivered after the deleted one changes nothing). Returns the new rows.
 */
export async function upsertVariants(tx: Db, variants: readonly KnownVariant[], lowStockThreshold: number): Promise<StockItem[]> {
  if (variants.length === 0) return [];
  return tx.$queryRaw<StockItem[]>`INSERT INTO "inventory"."stock_item"
      (variant_id, product_id, sku, on_hand, reserved, low_stock_threshold, discontinued, version, updated_at)
    SELECT v.variant_id, v.product_id, v.sku, v.on_hand, 0, ${lowStockThreshold}, false, 1, now()
    FROM unnest(${variants.map((v) => v.variantId)}::uuid[], ${variants.map((v) => v.productId)}::uuid[],
      ${variants.map((v) => v.sku)}::text[], ${variants.map((v) => v.initialStock)}::int[]) AS v(variant_id, product_id, sku, on_hand)
    ON CONFLICT (variant_id) DO UPDATE SET product_id = excluded.product_id, sku = excluded.sku
    RETURNING ${COLUMNS}, (xmax = 0) AS "inserted"`.then((rows) =>
    (rows as (StockItem & { inserted: boolean })[]).filter((row) => row.inserted).map(({ inserted: _inserted, ...row }) => row),
  );
}

/** Marks a product's variants discontinued (product deleted in the catalog). */
export async function discontinueProduct(tx: Db, productId: string): Promise<StockItem[]> {
  return tx.$queryRaw<StockItem[]>`UPDATE "inventory"."stock_item" SET discontinued = true, version = version + 1, updated_at = now()
    WHERE product_id = ${productId}::uuid AND NOT discontinued RETURNING ${COLUMNS}`;
}

/** Sets a variant's low-stock threshold; null when the variant is unknown. */
export async function setThreshold(tx: Db, variantId: string, threshold: number): Promise<StockItem | null> {
  const rows = await tx.$queryRaw<StockItem[]>`UPDATE "inventory"."stock_item" SET low_stock_threshold = ${threshold}, version = version + 1, updated_at = now()
    WHERE variant_id = ${variantId}::uuid RETURNING ${COLUMNS}`;
  return rows[0] ?? null;
}
