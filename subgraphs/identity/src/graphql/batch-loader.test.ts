import { describe, expect, it } from 'vitest';
import { createBatchLoader } from './batch-loader.ts';

describe('createBatchLoader', () => {
  it('batches loads of one tick into one call with distinct keys', async () => {
    const calls: string[][] = [];
    const loader = createBatchLoader(async (keys: readonly string[]) => {
      calls.push([...keys]);
      return new Map(keys.filter((key) => key !== 'missing').map((key) => [key, key.toUpperCase()]));
    });
    const results = await Promise.all(['a', 'b', 'a', 'missing'].map((key) => loader.load(key)));
    expect(results).toEqual(['A', 'B', 'A', undefined]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
    expect(await loader.load('b')).toBe('B');
    expect(calls).toHaveLength(1);
  });

  it('rejects every waiting load when the batch fails, and retries later', async () => {
    let fail = true;
    const loader = createBatchLoader(async (keys: readonly string[]) => {
      if (fail) throw new Error('db down');
      return new Map(keys.map((key) => [key, 1]));
    });
    await expect(Promise.all([loader.load('x'), loader.load('y')])).rejects.toThrow('db down');
    fail = false;
    expect(await loader.load('x')).toBe(1);
  });
});
