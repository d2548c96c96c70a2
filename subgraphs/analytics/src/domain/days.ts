/** UTC calendar days and report buckets, as pure functions. */

export type ReportGrouping = 'DAY' | 'WEEK' | 'MONTH';

const DAY_MS = 86_400_000;

/** `2026-11-23T18:00:00Z` -> `2026-11-23` (the UTC day). */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Midnight UTC of the instant's day. */
export const startOfUtcDay = (at: Date): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

/**
 * The bucket a UTC day belongs to, named by its first day: the day itself (DAY), the Monday of its
 * ISO week (WEEK), or the first of its month (MONTH).
 */
export function bucketOf(day: string, grouping: ReportGrouping): string {
  if (grouping === 'DAY') return day;
  if (grouping === 'MONTH') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return utcDay(addDays(date, -sinceMonday));
}

/** Every bucket that a day in [from, to) falls into, in order (to is exclusive). */
export function bucketsBetween(from: Date, to: Date, grouping: ReportGrouping): string[] {
  const buckets: string[] = [];
  for (let day = startOfUtcDay(from); day < to; day = addDays(day, 1)) {
    const bucket = bucketOf(utcDay(day), grouping);
    if (buckets.at(-1) !== bucket) buckets.push(bucket);
  }
  return buckets;
}

/** One UTC day's (or bucket's) figures, minor units: orders paid, their totals, and refunds made. */
export interface DayFigures {
  day: string;
  orders: number;
  paid: number;
  refunded: number;
}

/** Sums day figures into the given buckets; buckets without a day stay at zero. */
export function groupDays(days: readonly DayFigures[], buckets: readonly string[], grouping: ReportGrouping): DayFigures[] {
  const sums = new Map(buckets.map((bucket) => [bucket, { day: bucket, orders: 0, paid: 0, refunded: 0 }]));
  for (const figures of days) {
    const sum = sums.get(bucketOf(figures.day, grouping));
    if (!sum) continue;
    sum.orders += figures.orders;
    sum.paid += figures.paid;
    sum.refunded += figures.refunded;
  }
  return [...sums.values()];
}
