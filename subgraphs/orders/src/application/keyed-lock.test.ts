import { describe, expect, it } from 'vitest';
import { createKeyedLock } from './keyed-lock.ts';

describe('createKeyedLock', () => {
  it('serialises tasks of one key and lets other keys run', async () => {
    const withKey = createKeyedLock();
    const log: string[] = [];
    const task = (name: string, ms: number) => () => new Promise<string>((resolve) => setTimeout(() => { log.push(name); resolve(name); }, ms));
    const results = await Promise.all([withKey('a', task('a1', 30)), withKey('a', task('a2', 1)), withKey('b', task('b1', 5))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('keeps going after a failure', async () => {
    const withKey = createKeyedLock();
    await expect(withKey('k', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(withKey('k', async () => 1)).resolves.toBe(1);
  });
});
