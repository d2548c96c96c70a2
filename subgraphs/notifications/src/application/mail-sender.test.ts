import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './mail-sender.ts';

describe('retryDelayMs', () => {
  it('doubles from the base and stops at one hour', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 1_000))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(30, 5_000)).toBe(3_600_000);
  });
});
