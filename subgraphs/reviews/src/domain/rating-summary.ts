/** The RatingSummary of the contract: over APPROVED reviews only. */
export interface RatingSummary {
  /** 0 when count is 0; rounded to two decimals. */
  average: number;
  count: number;
  /** Five counts, for 1..5 stars. */
  distribution: number[];
}

export interface RatingCounters {
  count: number;
  sum: number;
  stars1: number;
  stars2: number;
  stars3: number;
  stars4: number;
  stars5: number;
}

export const EMPTY_SUMMARY: RatingSummary = Object.freeze({ average: 0, count: 0, distribution: Object.freeze([0, 0, 0, 0, 0]) as number[] });

export function toRatingSummary(counters: RatingCounters | null | undefined): RatingSummary {
  if (!counters || counters.count === 0) return { average: 0, count: 0, distribution: [0, 0, 0, 0, 0] };
  return {
    average: Math.round((counters.sum / counters.count) * 100) / 100,
    count: counters.count,
    distribution: [counters.stars1, counters.stars2, counters.stars3, counters.stars4, counters.stars5],
  };
}

/** The counter increments for one review of `rating` stars entering (+1) or leaving (-1) the approved set. */
export function counterDelta(rating: number, delta: 1 | -1): RatingCounters {
  const stars = [0, 0, 0, 0, 0];
  stars[rating - 1] = delta;
  return { count: delta, sum: rating * delta, stars1: stars[0]!, stars2: stars[1]!, stars3: stars[2]!, stars4: stars[3]!, stars5: stars[4]! };
}
