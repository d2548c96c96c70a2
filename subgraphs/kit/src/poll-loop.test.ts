import { describe, expect, it } from 'vitest';
import { serialQueue, startPollLoop } from './poll-loop.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startPollLoop', () => {
  it('runs at once, again on a nudge before the interval, and stops after the run in progress', async () => {
    let runs = 0;
    const loop = startPollLoop({ pollMs: 60_000, work: async () => void (runs += 1), onError: () => {} });
    await tick(20);
    expect(runs).toBe(1);
    loop.nudge();
    await tick(20);
    expect(runs).toBe(2);
    await loop.stop();
    loop.nudge();
    await tick(20);
    expect(runs).toBe(2);
  });

  it('reports a failed run and keeps polling', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loop = startPollLoop({ pollMs: 10, work: async () => { runs += 1; if (runs === 1) throw new Error('db down'); }, onError: (error) => errors.push(error) });
    await tick(60);
    await loop.stop();
    expect(errors).toHaveLength(1);
    expect(runs).toBeGreaterThan(1);
  });
});

describe('serialQueue', () => {
  it('runs tasks one after another, a failure not blocking the next', async () => {
    const queue = serialQueue();
    const log: string[] = [];
    const slow = queue.run(async () => { await tick(20); log.push('slow'); });
    const failing = queue.run(async () => { throw new Error('boom'); });
    const fast = queue.run(async () => void log.push('fast'));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all([slow, fast, queue.idle()]);
    expect(log).toEqual(['slow', 'fast']);
  });
});
