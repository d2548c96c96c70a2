import { describe, expect, it, vi } from 'vitest';
import { BatchLoader } from './batch-loader.ts';

describe('BatchLoader', () => {
  it('answers loads made in one tick (and in awaited siblings) with one batch, deduplicated and cached', async () => {
    const batch = vi.fn(async (keys: readonly number[]) => new Map(keys.map((key) => [key, key * 10])));
    const loader = new BatchLoader(batch, () => -1);
    const nested = (async () => {
      await Promise.resolve();
      return loader.load(3);
    })();
    expect(await Promise.all([loader.load(1), loader.load(2), loader.load(1), nested])).toEqual([10, 20, 10, 30]);
    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch.mock.calls[0]![0]).toEqual([1, 2, 3]);
    expect(await loader.load(2)).toBe(20);
    expect(batch).toHaveBeenCalledTimes(1);
  });

  it('uses the fallback for missing keys, honours primes, and forgets failed keys', async () => {
    let fail = true;
    const loader = new BatchLoader<string, string | null>(async (keys) => {
      if (fail) throw new Error('down');
      return new Map(keys.filter((key) => key !== 'gone').map((key) => [key, key.toUpperCase()]));
    }, () => null);
    loader.prime('p', 'primed');
    await expect(loader.load('a')).rejects.toThrow('down');
    fail = false;
    expect(await loader.loadMany(['a', 'gone', 'p'])).toEqual(['A', null, 'primed']);
  });
});
