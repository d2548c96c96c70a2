import { describe, expect, it } from 'vitest';
import { ORDER_NUMBER_PATTERN, orderNumber } from './order-number.ts';

describe('orderNumber', () => {
  it('is ORD-YYYYMMDD-XXXXX on the UTC day', () => {
    const number = orderNumber(new Date('2026-11-23T23:59:59.000Z'));
    expect(number).toMatch(ORDER_NUMBER_PATTERN);
    expect(number.startsWith('ORD-20261123-')).toBe(true);
  });

  it('uses the random source for the suffix', () => {
    let i = 0;
    const digits = [0, 35, 10, 1, 2];
    expect(orderNumber(new Date('2026-01-02T00:00:00Z'), () => digits[i++]!)).toBe('ORD-20260102-0ZA12');
  });

  it('rarely repeats within a day', () => {
    const day = new Date('2026-11-23T12:00:00Z');
    const numbers = new Set(Array.from({ length: 2_000 }, () => orderNumber(day)));
    expect(numbers.size).toBeGreaterThan(1_990);
  });
});
