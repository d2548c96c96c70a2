import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createThrottle', () => {
  it('runs once per interval however many changes arrive, and not at all when idle', async () => {
    const runs: number[] = [];
    const throttle = createThrottle({ intervalMs: 250, task: async () => void runs.push(Date.now()), onError: () => {} });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(0);
    const start = Date.now();
    for (let ms = 0; ms < 1_000; ms += 10) {
      throttle.touch();
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(5);
    expect(runs[0]).toBe(start);
    for (let i = 1; i < runs.length; i++) expect(runs[i]! - runs[i - 1]!).toBeGreaterThanOrEqual(250);
    await throttle.stop();
  });

  it('runs again after a run during which something changed', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const throttle = createThrottle({
      intervalMs: 100,
      task: () => new Promise<void>((resolve) => { calls++; release = resolve; }),
      onError: () => {},
    });
    throttle.touch();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    throttle.touch();
    throttle.touch();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
    release();
    await throttle.stop();
  });

  it('reports a failing run and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const throttle = createThrottle({ intervalMs: 10, task: async () => { calls++; throw new Error('boom'); }, onError: (error) => errors.push(error) });
    throttle.touch();
    await vi.advanceTimersByTimeAsync(20);
    throttle.touch();
    await vi.advanceTimersByTimeAsync(20);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
    await throttle.stop();
  });
});
