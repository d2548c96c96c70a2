import { describe, expect, it } from 'vitest';
import { cached } from './readiness.ts';

describe('cached', () => {
  it('shares one outcome within the window, then checks again', async () => {
    let calls = 0;
    const check = cached(async () => ++calls, 50);
    expect(await check()).toBe(1);
    expect(await check()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await check()).toBe(2);
  });

  it('caches failures too, without unhandled rejections', async () => {
    const check = cached(async () => {
      throw new Error('down');
    }, 1_000);
    await expect(check()).rejects.toThrow('down');
    await expect(check()).rejects.toThrow('down');
  });
});
