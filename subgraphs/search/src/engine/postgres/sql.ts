import { PRICE_RANGES } from '../../domain/price-ranges.ts';
import { queryTerms, type SearchQuery, type SearchSort } from '../../domain/search-query.ts';
import type { SearchDocument } from '../../domain/search-document.ts';

/** Raw SQL names its schema (the adapter does not set search_path). */
export const INDEX_TABLE = '"search"."search_document"';
export const REBUILD_TABLE = '"search"."search_document_rebuild"';

/** Full-text configuration: 'simple' (no stemming) so prefix matching works on every word as typed. */
const CONFIG = `'simple'`;
/** Name A, category B, attributes C, description D (ts_rank's default weights 1.0/0.4/0.2/0.1). */
export const DOCUMENT_EXPRESSION = `setweight(to_tsvector(${CONFIG}, name), 'A') || setweight(to_tsvector(${CONFIG}, category_name), 'B')
  || setweight(to_tsvector(${CONFIG}, attributes), 'C') || setweight(to_tsvector(${CONFIG}, description), 'D')`;

/** What typo tolerance compares the query with (trigram GIN index on this expression). */
export const TRIGRAM_TEXT = `name || ' ' || category_name`;
/** Word similarity needed by the typo pass (pg_trgm's default 0.6 misses one swapped letter in six). */
export const TYPO_THRESHOLD = 0.5;
/** Created at start when pg_trgm is there (it cannot be in a migration that must run without it). */
export const TRIGRAM_INDEX_SQL = `CREATE INDEX IF NOT EXISTS search_document_trigram_idx ON ${INDEX_TABLE} USING GIN ((${TRIGRAM_TEXT}) gin_trgm_ops)`;

export const COLUMNS = ['id', 'name', 'description', 'attributes', 'category_id', 'category_name', 'price', 'currency', 'in_stock', 'rating_average', 'rating_count', 'created_at'] as const;
const TYPES = ['uuid', 'text', 'text', 'text', 'uuid', 'text', 'int', 'text', 'boolean', 'float8', 'int', 'timestamptz'];

/** Column arrays for `unnest` (one parameter per column, whatever the number of documents). */
export function documentArrays(documents: readonly SearchDocument[]): unknown[][] {
  return [
    documents.map((d) => d.id),
    documents.map((d) => d.name),
    documents.map((d) => d.description),
    documents.map((d) => d.attributes),
    documents.map((d) => d.categoryId),
    documents.map((d) => d.categoryName),
    documents.map((d) => d.price),
    documents.map((d) => d.currency),
    documents.map((d) => d.inStock),
    documents.map((d) => d.ratingAverage),
    documents.map((d) => d.ratingCount),
    documents.map((d) => d.createdAt.toISOString()),
  ];
}

const unnest = () => `unnest(${TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) AS t(${COLUMNS.join(', ')})`;
const updates = (extra: string[] = []) => [...COLUMNS.slice(1).map((c) => `${c} = EXCLUDED.${c}`), ...extra].join(', ');

/** Upsert of many documents into the index, computing the weighted tsvector in the database. */
export const UPSERT_SQL = `INSERT INTO ${INDEX_TABLE} (${COLUMNS.join(', ')}, document)
  SELECT ${COLUMNS.join(', ')}, ${DOCUMENT_EXPRESSION} FROM ${unnest()}
  ON CONFLICT (id) DO UPDATE SET ${updates(['document = EXCLUDED.document'])}`;

export const UPSERT_REBUILD_SQL = `INSERT INTO ${REBUILD_TABLE} (${COLUMNS.join(', ')})
  SELECT ${COLUMNS.join(', ')} FROM ${unnest()}
  ON CONFLICT (id) DO UPDATE SET ${updates()}`;

/** Swaps the staged rebuild in (run in one transaction with the DELETE before it). */
export const COPY_REBUILD_SQL = `INSERT INTO ${INDEX_TABLE} (${COLUMNS.join(', ')}, document)
  SELECT ${COLUMNS.join(', ')}, ${DOCUMENT_EXPRESSION} FROM ${REBUILD_TABLE}`;

/** `lamp:* & desk:*`: every word, each as a prefix; '' when the text has no words. */
export function prefixTsquery(text: string, weights = ''): string {
  return queryTerms(text).map((term) => `${term}:*${weights}`).join(' & ');
}

export interface BuiltQuery {
  sql: string;
  values: unknown[];
}

const ORDER: Record<SearchSort, string> = {
  RELEVANCE: 'rank DESC, rating_count DESC, id',
  PRICE_ASC: 'price ASC, id',
  PRICE_DESC: 'price DESC, id',
  NEWEST: 'created_at DESC, id',
};

const PRICE_BUCKET = `CASE ${PRICE_RANGES.map((r) => (r.to === null ? `ELSE '${r.key}'` : `WHEN price < ${r.to} THEN '${r.key}'`)).join(' ')} END`;

/**
 * One round trip: the page's ids, the total, and both facets over every match.
 * `mode` 'fulltext' matches the weighted tsvector with prefixes; 'fuzzy' (pg_trgm) matches words
 * of the name and category within a typo or two, used when full text finds nothing.
 */
export function buildSearchSql(query: SearchQuery, mode: 'fulltext' | 'fuzzy'): BuiltQuery {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where: string[] = [];
  let rank = '0';
  const tsquery = prefixTsquery(query.text);
  if (tsquery && mode === 'fulltext') {
    const q = `to_tsquery(${CONFIG}, ${param(tsquery)})`;
    where.push(`document @@ ${q}`);
    rank = `ts_rank(document, ${q})`;
  } else if (tsquery) {
    const text = param(queryTerms(query.text).join(' '));
    rank = `word_similarity(${text}, ${TRIGRAM_TEXT})`;
    where.push(`${text} <% (${TRIGRAM_TEXT})`); // uses the trigram index; threshold set by the caller
  }
  if (query.categoryIds.length > 0) where.push(`category_id = ANY(${param(query.categoryIds)}::uuid[])`);
  if (query.minPrice !== null) where.push(`price >= ${param(query.minPrice)}`);
  if (query.maxPrice !== null) where.push(`price <= ${param(query.maxPrice)}`);
  if (query.inStock !== null) where.push(`in_stock = ${param(query.inStock)}`);
  const limit = param(query.pageSize);
  const offset = param((query.page - 1) * query.pageSize);
  const sql = `WITH m AS (
    SELECT id, price, category_id, rating_count, created_at, ${rank} AS rank FROM ${INDEX_TABLE}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
  )
  SELECT
    (SELECT coalesce(json_agg(p.id), '[]') FROM (SELECT id FROM m ORDER BY ${ORDER[query.sort]} LIMIT ${limit} OFFSET ${offset}) p) AS ids,
    (SELECT count(*)::int FROM m) AS total,
    (SELECT coalesce(json_agg(json_build_object('value', c.value, 'count', c.count) ORDER BY c.count DESC, c.value), '[]')
       FROM (SELECT category_id::text AS value, count(*)::int AS count FROM m WHERE category_id IS NOT NULL GROUP BY category_id) c) AS categories,
    (SELECT coalesce(json_agg(json_build_object('value', b.value, 'count', b.count)), '[]')
       FROM (SELECT ${PRICE_BUCKET} AS value, count(*)::int AS count FROM m GROUP BY 1) b) AS prices`;
  return { sql, values };
}

/** Distinct product names with a word starting with each word of the prefix (name weight only). */
export function buildSuggestSql(prefix: string, limit: number): BuiltQuery | null {
  const tsquery = prefixTsquery(prefix, 'A');
  if (!tsquery) return null;
  return {
    sql: `SELECT name FROM ${INDEX_TABLE} WHERE document @@ to_tsquery(${CONFIG}, $1)
      GROUP BY name ORDER BY bool_or(lower(name) LIKE $2) DESC, max(rating_count) DESC, length(name), name LIMIT $3`,
    values: [tsquery, `${prefix.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`, limit],
  };
}
