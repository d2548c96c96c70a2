import { badInput } from '@drobble/kit/errors';

export const SORTS = ['RELEVANCE', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST'] as const;
export type SearchSort = (typeof SORTS)[number];

export interface SearchFilters {
  categoryIds?: string[] | null;
  minPrice?: number | null;
  maxPrice?: number | null;
  inStock?: boolean | null;
}

/** A validated search request, the same for every engine. */
export interface SearchQuery {
  /** Trimmed; '' browses everything that matches the filters. */
  text: string;
  categoryIds: string[];
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean | null;
  sort: SearchSort;
  page: number;
  pageSize: number;
}

export interface FacetValue {
  value: string;
  count: number;
}
export interface Facet {
  name: string;
  values: FacetValue[];
}

export interface SearchHits {
  /** Product ids of the page, in order. */
  ids: string[];
  total: number;
  /** "category" (value: category id) and "price" (value: a PRICE_RANGES key), over every match. */
  facets: Facet[];
}

export interface SearchArgs {
  query: string;
  filters?: SearchFilters | null;
  sort?: SearchSort | null;
  page?: number | null;
  pageSize?: number | null;
}

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Deep pages are a scraping pattern, and Elasticsearch refuses from + size past 10,000 by default. */
export const MAX_RESULT_WINDOW = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates the GraphQL arguments into a SearchQuery, or throws BAD_USER_INPUT naming the field. */
export function parseSearchArgs(args: SearchArgs): SearchQuery {
  const text = args.query.trim();
  if (text.length > MAX_QUERY_LENGTH) throw badInput('query', `at most ${MAX_QUERY_LENGTH} characters`);
  const page = args.page ?? 1;
  const pageSize = args.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(page) || page < 1) throw badInput('page', 'page starts at 1');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw badInput('pageSize', `pageSize is 1..${MAX_PAGE_SIZE}`);
  if (page * pageSize > MAX_RESULT_WINDOW) throw badInput('page', `results past the first ${MAX_RESULT_WINDOW} are not served; refine the search`);
  const filters = args.filters ?? {};
  const categoryIds = filters.categoryIds ?? [];
  if (categoryIds.length > 100) throw badInput('filters.categoryIds', 'at most 100 categories');
  if (categoryIds.some((id) => !UUID.test(id))) throw badInput('filters.categoryIds', 'category ids are UUIDs');
  const minPrice = filters.minPrice ?? null;
  const maxPrice = filters.maxPrice ?? null;
  if (minPrice !== null && minPrice < 0) throw badInput('filters.minPrice', 'minPrice is not negative');
  if (maxPrice !== null && maxPrice < 0) throw badInput('filters.maxPrice', 'maxPrice is not negative');
  if (minPrice !== null && maxPrice !== null && minPrice > maxPrice) throw badInput('filters.minPrice', 'minPrice is above maxPrice');
  return {
    text,
    categoryIds: categoryIds.map((id) => id.toLowerCase()),
    minPrice,
    maxPrice,
    inStock: filters.inStock ?? null,
    sort: args.sort ?? 'RELEVANCE',
    page,
    pageSize,
  };
}

export const MAX_SUGGESTIONS = 20;

/** Validates searchSuggestions' arguments. */
export function parseSuggestArgs(prefix: string, limit: number | null | undefined): { prefix: string; limit: number } {
  const trimmed = prefix.trim();
  if (trimmed.length > MAX_QUERY_LENGTH) throw badInput('prefix', `at most ${MAX_QUERY_LENGTH} characters`);
  const size = limit ?? 10;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SUGGESTIONS) throw badInput('limit', `limit is 1..${MAX_SUGGESTIONS}`);
  return { prefix: trimmed, limit: size };
}

/** Words of a query, lower case, letters and digits only (what both engines match on). */
export function queryTerms(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((term) => term.length > 0).slice(0, 16);
}
