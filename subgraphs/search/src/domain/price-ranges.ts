/**
 * The price facet's buckets, in minor units: [from, to) with `to` null for "and above". The value
 * a client sees is the key, e.g. "2500-5000" (25.00 up to 49.99 in the product's currency).
 */
export interface PriceRange {
  key: string;
  from: number;
  to: number | null;
}

const BOUNDS = [0, 1_000, 2_500, 5_000, 10_000, 25_000];

export const PRICE_RANGES: readonly PriceRange[] = BOUNDS.map((from, index) => {
  const to = BOUNDS[index + 1] ?? null;
  return { key: to === null ? `${from}+` : `${from}-${to}`, from, to };
});

/** The bucket of a price. */
export function priceRangeOf(price: number): PriceRange {
  return PRICE_RANGES.find((range) => price >= range.from && (range.to === null || price < range.to))!;
}
