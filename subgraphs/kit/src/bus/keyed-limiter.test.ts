import { describe, expect, it } from 'vitest';
import { KeyedLimiter } from './keyed-limiter.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedLimiter', () => {
  it('runs tasks of different keys side by side, never more than the limit', async () => {
    const limiter = new KeyedLimiter(3, () => {});
    let running = 0;
    let peak = 0;
    for (let i = 0; i < 9; i++) {
      await limiter.admit(`k${i}`, async () => {
        running += 1;
        peak = Math.max(peak, running);
        await tick(20);
        running -= 1;
      });
    }
    await limiter.drain();
    expect(peak).toBe(3);
    expect(running).toBe(0);
  });

  it('runs tasks of one key one after another, in admission order', async () => {
    const limiter = new KeyedLimiter(4, () => {});
    const log: string[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.admit('order-1', async () => {
        log.push(`start ${i}`);
        await tick(10 - i * 2);
        log.push(`end ${i}`);
      });
    }
    await limiter.drain();
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('keeps going after a task fails, reporting the failure', async () => {
    const errors: unknown[] = [];
    const limiter = new KeyedLimiter(1, (error) => errors.push(error));
    const done: number[] = [];
    await limiter.admit('a', async () => {
      throw new Error('boom');
    });
    await limiter.admit('a', async () => void done.push(2));
    await limiter.drain();
    expect(done).toEqual([2]);
    expect(errors).toHaveLength(1);
  });

  it('refuses a limit below one', () => {
    expect(() => new KeyedLimiter(0, () => {})).toThrow(/>= 1/);
  });
});
