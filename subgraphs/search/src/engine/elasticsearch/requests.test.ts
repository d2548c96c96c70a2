import { describe, expect, it } from 'vitest';
import { parseSearchArgs } from '../../domain/search-query.ts';
import { bulkOperations, indexMappings, indexSettings, parseSearchResponse, searchRequest, suggestRequest } from './requests.ts';

const CATEGORY = '7d0b3c0e-7a51-4b8e-9a59-1f6c1b0f2a11';

describe('Elasticsearch requests', () => {
  it('maps every document field explicitly, with an edge n-gram suggest sub-field', () => {
    expect(indexMappings.dynamic).toBe('strict');
    expect(Object.keys(indexMappings.properties!).sort()).toEqual(
      ['attributes', 'categoryId', 'categoryName', 'createdAt', 'currency', 'description', 'id', 'inStock', 'name', 'price', 'ratingAverage', 'ratingCount'],
    );
    expect(indexMappings.properties!.name).toMatchObject({ fields: { suggest: { analyzer: 'suggest_index', search_analyzer: 'suggest_search' } } });
    expect(indexSettings.analysis!.filter!.suggest_edge_ngram).toMatchObject({ type: 'edge_ngram', min_gram: 1 });
    expect(indexSettings.analysis!.analyzer!.suggest_index).toMatchObject({ filter: expect.arrayContaining(['suggest_edge_ngram']) });
    expect(indexSettings.analysis!.analyzer!.suggest_search).not.toMatchObject({ filter: expect.arrayContaining(['suggest_edge_ngram']) });
  });

  it('builds a weighted, typo-tolerant query with filters, sort, paging and facet aggregations', () => {
    const request = searchRequest('alias', parseSearchArgs({ query: 'desk lamp', filters: { categoryIds: [CATEGORY], minPrice: 100, inStock: true }, sort: 'PRICE_ASC', page: 3, pageSize: 10 }));
    expect(request).toMatchObject({ index: 'alias', from: 20, size: 10, track_total_hits: true, sort: [{ price: 'asc' }, { id: 'asc' }] });
    const bool = (request.query as any).bool;
    expect(bool.filter).toEqual([{ terms: { categoryId: [CATEGORY] } }, { range: { price: { gte: 100 } } }, { term: { inStock: true } }]);
    const should = bool.must[0].bool.should;
    expect(should[0].multi_match).toMatchObject({ query: 'desk lamp', fields: ['name^4', 'categoryName^3', 'attributes^2', 'description'], fuzziness: 'AUTO' });
    expect(should[1].multi_match).toMatchObject({ type: 'bool_prefix' });
    expect((request.aggs as any).category.terms.field).toBe('categoryId');
    expect((request.aggs as any).price.range.ranges[0]).toEqual({ key: '0-1000', from: 0, to: 1000 });
    expect((request.aggs as any).price.range.ranges.at(-1)).toEqual({ key: '25000+', from: 25000 });
  });

  it('browses everything for an empty query', () => {
    expect((searchRequest('a', parseSearchArgs({ query: '  ' })).query as any).bool.must).toEqual([{ match_all: {} }]);
  });

  it('suggests from the n-gram field, distinct names', () => {
    const request = suggestRequest('a', 'Lam', 5);
    expect(request.query).toEqual({ match: { 'name.suggest': { query: 'Lam', operator: 'and' } } });
    expect((request.aggs as any).names.terms).toMatchObject({ field: 'name.raw', size: 5 });
  });

  it('bulk: index actions with their documents, then deletes', () => {
    const doc = { id: 'p1', name: 'n', description: '', attributes: '', categoryId: null, categoryName: '', price: 1, currency: 'USD', inStock: true, ratingAverage: 0, ratingCount: 0, createdAt: new Date(0) };
    expect(bulkOperations('i', [doc], ['p2'])).toEqual([{ index: { _index: 'i', _id: 'p1' } }, { ...doc, createdAt: '1970-01-01T00:00:00.000Z' }, { delete: { _index: 'i', _id: 'p2' } }]);
  });

  it('reads ids, total and buckets from a response', () => {
    const parsed = parseSearchResponse({
      took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 },
      hits: { total: { value: 12, relation: 'eq' }, hits: [{ _index: 'i', _id: 'p1' }] },
      aggregations: { category: { buckets: [{ key: CATEGORY, doc_count: 12 }] }, price: { buckets: [{ key: '0-1000', doc_count: 3 }] } },
    } as any);
    expect(parsed).toEqual({ ids: ['p1'], total: 12, categories: [{ value: CATEGORY, count: 12 }], prices: [{ value: '0-1000', count: 3 }] });
  });
});
