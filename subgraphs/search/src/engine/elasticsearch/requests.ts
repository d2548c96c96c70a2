import type { estypes } from '@elastic/elasticsearch';
import { PRICE_RANGES } from '../../domain/price-ranges.ts';
import type { SearchDocument } from '../../domain/search-document.ts';
import type { SearchQuery, SearchSort } from '../../domain/search-query.ts';

/**
 * The Elasticsearch engine's requests, as plain data (unit-tested without a server): explicit
 * mappings, an edge n-gram analyzer for suggestions, the search DSL with aggregations for facets.
 */

export const FACET_SIZE = 100;

export const indexSettings: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  analysis: {
    filter: {
      suggest_edge_ngram: { type: 'edge_ngram', min_gram: 1, max_gram: 20 },
    },
    analyzer: {
      /** Index side of suggestions: every prefix of every word ("lamp" -> l, la, lam, lamp). */
      suggest_index: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding', 'suggest_edge_ngram'] },
      /** Query side: the words as typed (no n-grams, or "lx" would match "la"). */
      suggest_search: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
      text_folded: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
    },
  },
};

export const indexMappings: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    name: {
      type: 'text',
      analyzer: 'text_folded',
      fields: {
        suggest: { type: 'text', analyzer: 'suggest_index', search_analyzer: 'suggest_search' },
        raw: { type: 'keyword' },
      },
    },
    description: { type: 'text', analyzer: 'text_folded' },
    attributes: { type: 'text', analyzer: 'text_folded' },
    categoryId: { type: 'keyword' },
    categoryName: { type: 'text', analyzer: 'text_folded' },
    price: { type: 'integer' },
    currency: { type: 'keyword' },
    inStock: { type: 'boolean' },
    ratingAverage: { type: 'float' },
    ratingCount: { type: 'integer' },
    createdAt: { type: 'date' },
  },
};

/** The document body stored for a product (the fields of indexMappings). */
export function toSource(document: SearchDocument) {
  return { ...document, createdAt: document.createdAt.toISOString() };
}

/** Bulk body: an index action per upsert, a delete action per removal. */
export function bulkOperations(index: string, upserts: readonly SearchDocument[], removals: readonly string[] = []): estypes.BulkRequest['operations'] {
  return [
    ...upserts.flatMap((document) => [{ index: { _index: index, _id: document.id } }, toSource(document)]),
    ...removals.map((id) => ({ delete: { _index: index, _id: id } })),
  ];
}

const SORT: Record<SearchSort, estypes.Sort> = {
  RELEVANCE: [{ _score: { order: 'desc' } }, { ratingCount: 'desc' }, { id: 'asc' }],
  PRICE_ASC: [{ price: 'asc' }, { id: 'asc' }],
  PRICE_DESC: [{ price: 'desc' }, { id: 'asc' }],
  NEWEST: [{ createdAt: 'desc' }, { id: 'asc' }],
};

/** Weighted match on name, category, attributes and description; prefixes and typos tolerated. */
function textQuery(text: string): estypes.QueryDslQueryContainer {
  const fields = ['name^4', 'categoryName^3', 'attributes^2', 'description'];
  return {
    bool: {
      should: [
        { multi_match: { query: text, fields, type: 'best_fields', operator: 'and', fuzziness: 'AUTO', prefix_length: 1 } },
        { multi_match: { query: text, fields, type: 'bool_prefix', operator: 'and' } },
        // Every word as a prefix of a word of the name ("oxf shi" finds "Oxford Shirt").
        { match: { 'name.suggest': { query: text, operator: 'and', boost: 2 } } },
      ],
      minimum_should_match: 1,
    },
  };
}

function filters(query: SearchQuery): estypes.QueryDslQueryContainer[] {
  const clauses: estypes.QueryDslQueryContainer[] = [];
  if (query.categoryIds.length > 0) clauses.push({ terms: { categoryId: query.categoryIds } });
  if (query.minPrice !== null || query.maxPrice !== null) {
    clauses.push({ range: { price: { ...(query.minPrice !== null ? { gte: query.minPrice } : {}), ...(query.maxPrice !== null ? { lte: query.maxPrice } : {}) } } });
  }
  if (query.inStock !== null) clauses.push({ term: { inStock: query.inStock } });
  return clauses;
}

/** The search request: one page of ids, the exact total, and both facets as aggregations. */
export function searchRequest(index: string, query: SearchQuery): estypes.SearchRequest {
  return {
    index,
    query: { bool: { must: query.text ? [textQuery(query.text)] : [{ match_all: {} }], filter: filters(query) } },
    sort: SORT[query.sort],
    from: (query.page - 1) * query.pageSize,
    size: query.pageSize,
    track_total_hits: true,
    _source: false,
    aggs: {
      category: { terms: { field: 'categoryId', size: FACET_SIZE } },
      price: { range: { field: 'price', keyed: false, ranges: PRICE_RANGES.map((r) => ({ key: r.key, from: r.from, ...(r.to === null ? {} : { to: r.to }) })) } },
    },
  };
}

/** Distinct names completing the prefix (edge n-grams of every word), best match first. */
export function suggestRequest(index: string, prefix: string, limit: number): estypes.SearchRequest {
  return {
    index,
    size: 0,
    query: { match: { 'name.suggest': { query: prefix, operator: 'and' } } },
    aggs: {
      names: {
        terms: { field: 'name.raw', size: limit, order: [{ best: 'desc' }, { _key: 'asc' }] },
        aggs: { best: { max: { script: { source: '_score' } } } },
      },
    },
  };
}

interface Bucket {
  key: string | number;
  doc_count: number;
}

/** Ids, total and facets out of a search response. */
export function parseSearchResponse(response: estypes.SearchResponse) {
  const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
  const aggregations = (response.aggregations ?? {}) as Record<string, { buckets?: Bucket[] }>;
  const buckets = (name: string) => (aggregations[name]?.buckets ?? []).map((b) => ({ value: String(b.key), count: b.doc_count }));
  return { ids: response.hits.hits.map((hit) => hit._id!), total, categories: buckets('category'), prices: buckets('price') };
}

export function parseSuggestResponse(response: estypes.SearchResponse): string[] {
  const aggregations = (response.aggregations ?? {}) as Record<string, { buckets?: Bucket[] }>;
  return (aggregations.names?.buckets ?? []).map((bucket) => String(bucket.key));
}
