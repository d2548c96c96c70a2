import { PRICE_RANGES } from '../domain/price-ranges.ts';
import type { Facet, FacetValue } from '../domain/search-query.ts';

/**
 * Both engines report facets the same way: "category" (category ids with at least one match,
 * most first, then by id) and "price" (every PRICE_RANGES bucket in order, zero counts included).
 */
export function normaliseFacets(categories: readonly FacetValue[], prices: readonly FacetValue[]): Facet[] {
  const priceCounts = new Map(prices.map((bucket) => [bucket.value, bucket.count]));
  return [
    {
      name: 'category',
      values: categories
        .filter((value) => value.count > 0)
        .toSorted((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    },
    { name: 'price', values: PRICE_RANGES.map((range) => ({ value: range.key, count: priceCounts.get(range.key) ?? 0 })) },
  ];
}
