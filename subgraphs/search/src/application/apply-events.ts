import type { PayloadOf } from '@drobble/schema/events';
import type { SearchEngine, SqlExecutor } from '../engine/search-engine.ts';
import { indexChangesFor } from '../infra/documents.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;
type Snapshot = PayloadOf<'catalog.product.updated.v1'>;

/**
 * Serialises the consumers that touch the same product or category (transaction-scoped advisory
 * locks, sorted): without it, a rating and the product's first snapshot committing at the same
 * moment would each miss the other's row and index the product without its rating.
 */
async function lock(tx: Tx, ...keys: (string | null)[]) {
  for (const key of [...new Set(keys.filter((k): k is string => k !== null))].sort()) {
    await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', `search:${key}`);
  }
}

/** Brings the index in line with the search data for these products (on the same transaction). */
export async function syncIndex(tx: Tx, engine: SearchEngine, where: { ids: string[] } | { categoryId: string }) {
  const { upserts, removals } = await indexChangesFor(tx, where);
  const executor = tx as unknown as SqlExecutor;
  await engine.upsert(upserts, executor);
  await engine.remove(removals, executor);
}

/**
 * catalog.product.created/updated/deleted: keep the newest snapshot (a late, older version is
 * ignored), then index it, or remove it when inactive or deleted.
 */
export async function applyProductSnapshot(tx: Tx, engine: SearchEngine, snapshot: Snapshot, occurredAt: Date, deleted: boolean) {
  await lock(tx, snapshot.id);
  const existing = await tx.searchProduct.findUnique({ where: { id: snapshot.id }, select: { version: true, deleted: true } });
  await lock(tx, snapshot.categoryId);
  if (existing && (existing.version > snapshot.version || (existing.version === snapshot.version && (existing.deleted || !deleted)))) return;
  const prices = snapshot.variants.map((variant) => variant.price);
  const data = {
    name: snapshot.name,
    description: snapshot.description,
    attributes: snapshot.attributes,
    categoryId: snapshot.categoryId,
    currency: snapshot.currency,
    minPrice: prices.length > 0 ? Math.min(...prices) : 0,
    active: snapshot.active,
    deleted,
    version: snapshot.version,
  };
  await tx.searchProduct.upsert({ where: { id: snapshot.id }, create: { id: snapshot.id, firstSeenAt: occurredAt, ...data }, update: data });
  await syncIndex(tx, engine, { ids: [snapshot.id] });
}

/** catalog.category.created: its name is indexed with every product in it (some may have come first). */
export async function applyCategory(tx: Tx, engine: SearchEngine, category: PayloadOf<'catalog.category.created.v1'>) {
  await lock(tx, category.id);
  const data = { name: category.name, parentId: category.parentId };
  await tx.searchCategory.upsert({ where: { id: category.id }, create: { id: category.id, ...data }, update: data });
  await syncIndex(tx, engine, { categoryId: category.id });
}

/** inventory.stock.changed: a product is in stock while any of its variants has stock available. */
export async function applyStock(tx: Tx, engine: SearchEngine, stock: PayloadOf<'inventory.stock.changed.v1'>) {
  await lock(tx, stock.productId);
  const data = { productId: stock.productId, available: stock.available };
  await tx.searchStock.upsert({ where: { variantId: stock.variantId }, create: { variantId: stock.variantId, ...data }, update: data });
  await syncIndex(tx, engine, { ids: [stock.productId] });
}

/** reviews.rating.changed: the product's rating over approved reviews (a whole summary, not a diff). */
export async function applyRating(tx: Tx, engine: SearchEngine, change: PayloadOf<'reviews.rating.changed.v1'>) {
  await lock(tx, change.productId);
  const data = { average: change.rating.average, count: change.rating.count };
  await tx.searchRating.upsert({ where: { productId: change.productId }, create: { productId: change.productId, ...data }, update: data });
  await syncIndex(tx, engine, { ids: [change.productId] });
}
