import { describe, expect, it } from 'vitest';
import { DomainError } from '@drobble/kit/errors';
import { parseSearchArgs, parseSuggestArgs, queryTerms } from './search-query.ts';
import { priceRangeOf } from './price-ranges.ts';
import { prefixTsquery } from '../engine/postgres/sql.ts';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.field : 'not a DomainError';
  }
  return null;
};

describe('search arguments', () => {
  it('defaults and validates', () => {
    expect(parseSearchArgs({ query: ' lamp ' })).toEqual({ text: 'lamp', categoryIds: [], minPrice: null, maxPrice: null, inStock: null, sort: 'RELEVANCE', page: 1, pageSize: 20 });
    expect(fieldOf(() => parseSearchArgs({ query: 'x', page: 0 }))).toBe('page');
    expect(fieldOf(() => parseSearchArgs({ query: 'x', page: 200, pageSize: 100 }))).toBe('page');
    expect(fieldOf(() => parseSearchArgs({ query: 'x'.repeat(201) }))).toBe('query');
    expect(fieldOf(() => parseSearchArgs({ query: 'x', filters: { maxPrice: -1 } }))).toBe('filters.maxPrice');
    expect(fieldOf(() => parseSuggestArgs('a', 21))).toBe('limit');
  });

  it('splits words safely for tsquery (no operators get through)', () => {
    expect(queryTerms("Desk-Lamp & (brass)! ' :*")).toEqual(['desk', 'lamp', 'brass']);
    expect(prefixTsquery('Desk lamp')).toBe('desk:* & lamp:*');
    expect(prefixTsquery('la', 'A')).toBe('la:*A');
    expect(prefixTsquery(' !! ')).toBe('');
  });

  it('puts prices in [from, to) buckets', () => {
    expect(priceRangeOf(999).key).toBe('0-1000');
    expect(priceRangeOf(1000).key).toBe('1000-2500');
    expect(priceRangeOf(1_000_000).key).toBe('25000+');
  });
});
