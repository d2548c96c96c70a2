import { toSearchDocument, type ProductFacts, type SearchDocument } from '../domain/search-document.ts';
import type { SearchProduct } from '../generated/prisma/client.ts';
import type { Db } from './prisma.ts';

const facts = (row: SearchProduct): ProductFacts => ({
  id: row.id,
  name: row.name,
  description: row.description,
  attributes: Array.isArray(row.attributes) ? (row.attributes as { key: string; value: string }[]) : [],
  categoryId: row.categoryId,
  currency: row.currency,
  minPrice: row.minPrice,
  active: row.active,
  deleted: row.deleted,
  firstSeenAt: row.firstSeenAt,
});

/** Joins products with their category names, stock and rating: 4 queries per batch. */
async function documentsFor(db: Db, rows: SearchProduct[]): Promise<Map<string, SearchDocument | null>> {
  const ids = rows.map((row) => row.id);
  const categoryIds = [...new Set(rows.flatMap((row) => (row.categoryId ? [row.categoryId] : [])))];
  const [categories, stocked, ratings] = await Promise.all([
    db.searchCategory.findMany({ where: { id: { in: categoryIds } } }),
    db.searchStock.groupBy({ by: ['productId'], where: { productId: { in: ids }, available: { gt: 0 } } }),
    db.searchRating.findMany({ where: { productId: { in: ids } } }),
  ]);
  const names = new Map(categories.map((category) => [category.id, category.name]));
  const inStock = new Set(stocked.map((row) => row.productId));
  const rating = new Map(ratings.map((row) => [row.productId, row]));
  return new Map(
    rows.map((row) => [
      row.id,
      toSearchDocument(facts(row), {
        categoryName: row.categoryId ? (names.get(row.categoryId) ?? null) : null,
        inStock: inStock.has(row.id),
        ratingAverage: rating.get(row.id)?.average ?? 0,
        ratingCount: rating.get(row.id)?.count ?? 0,
      }),
    ]),
  );
}

/** What the index should hold for these products: documents to upsert, ids to remove. */
export async function indexChangesFor(db: Db, where: { ids: string[] } | { categoryId: string }) {
  const rows = await db.searchProduct.findMany({ where: 'ids' in where ? { id: { in: where.ids } } : { categoryId: where.categoryId } });
  const documents = await documentsFor(db, rows);
  const upserts: SearchDocument[] = [];
  const removals: string[] = [];
  for (const [id, document] of documents) {
    if (document) upserts.push(document);
    else removals.push(id);
  }
  return { upserts, removals };
}

/** Every searchable document, in batches (reindexSearch's source: the search subgraph's own data). */
export async function* allDocuments(db: Db, batchSize = 1_000): AsyncGenerator<SearchDocument[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.searchProduct.findMany({
      where: { active: true, deleted: false, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    const documents = await documentsFor(db, rows);
    yield [...documents.values()].filter((document): document is SearchDocument => document !== null);
  }
}
