import { describe, expect, it } from 'vitest';
import { bucketOf, bucketsBetween, groupDays, utcDay } from './days.ts';

describe('report buckets', () => {
  it('names weeks by their Monday and months by their first day', () => {
    expect(bucketOf('2026-11-23', 'WEEK')).toBe('2026-11-23'); // a Monday
    expect(bucketOf('2026-11-29', 'WEEK')).toBe('2026-11-23'); // Sunday
    expect(bucketOf('2026-11-30', 'WEEK')).toBe('2026-11-30');
    expect(bucketOf('2027-01-01', 'WEEK')).toBe('2026-12-28');
    expect(bucketOf('2026-02-28', 'MONTH')).toBe('2026-02-01');
    expect(bucketOf('2026-02-28', 'DAY')).toBe('2026-02-28');
  });

  it('lists every bucket of a window, the end excluded', () => {
    const from = new Date('2026-11-20T15:00:00Z');
    const to = new Date('2026-11-24T00:00:00Z');
    expect(bucketsBetween(from, to, 'DAY')).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(bucketsBetween(from, to, 'WEEK')).toEqual(['2026-11-16', '2026-11-23']);
    expect(bucketsBetween(new Date('2026-01-31T00:00:00Z'), new Date('2026-03-01T00:00:00Z'), 'MONTH')).toEqual(['2026-01-01', '2026-02-01']);
    expect(bucketsBetween(to, to, 'DAY')).toEqual([]);
  });

  it('sums days into buckets and keeps empty buckets at zero', () => {
    const days = [
      { day: '2026-11-23', orders: 2, paid: 500, refunded: 0 },
      { day: '2026-11-24', orders: 0, paid: 0, refunded: 100 },
      { day: '2026-12-01', orders: 1, paid: 700, refunded: 50 },
      { day: '2025-01-01', orders: 9, paid: 9, refunded: 0 },
    ];
    expect(groupDays(days, ['2026-11-01', '2026-12-01'], 'MONTH')).toEqual([
      { day: '2026-11-01', orders: 2, paid: 500, refunded: 100 },
      { day: '2026-12-01', orders: 1, paid: 700, refunded: 50 },
    ]);
    expect(groupDays([], ['2026-11-23'], 'DAY')).toEqual([{ day: '2026-11-23', orders: 0, paid: 0, refunded: 0 }]);
    expect(utcDay(new Date('2026-11-23T23:59:59.999Z'))).toBe('2026-11-23');
  });
});
