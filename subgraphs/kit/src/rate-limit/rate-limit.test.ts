import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { createRateLimits, type RateLimits } from './rate-limit.ts';

const stores = [
  { name: 'memory', redisUrl: undefined },
  // Runs where REDIS_URL is set (the real-services CI run); each test uses its own key prefix.
  ...(process.env.REDIS_URL ? [{ name: 'redis', redisUrl: process.env.REDIS_URL }] : []),
];

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected RATE_LIMITED');
}

describe.each(stores)('rate limits ($name)', ({ redisUrl }) => {
  const opened: RateLimits[] = [];
  const open = async () => {
    const limits = await createRateLimits({ redisUrl, keyPrefix: `test-${randomUUID()}` });
    opened.push(limits);
    return limits;
  };
  afterAll(async () => {
    await Promise.all(opened.map((limits) => limits.close()));
  });

  it(`uses the ${redisUrl ? 'redis' : 'memory'} store`, async () => {
    expect((await open()).store).toBe(redisUrl ? 'redis' : 'memory');
  });

  it('allows `points` hits per window, then refuses with RATE_LIMITED and the seconds to wait', async () => {
    const limit = (await open()).limit({ name: 'login', points: 3, durationSeconds: 60, what: 'sign-in attempts' });
    for (let i = 0; i < 3; i++) await limit.consume('a@example.com');
    const error = await refusal(limit.consume('a@example.com'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toMatch(/Too many sign-in attempts/);
    expect(error.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another key is counted separately.
    await limit.consume('b@example.com');
  });

  it('check() refuses only once the window is used up, and does not count', async () => {
    const limit = (await open()).limit({ name: 'failures', points: 2, durationSeconds: 60 });
    await limit.check('k');
    await limit.check('k');
    await limit.penalise('k');
    await limit.check('k');
    await limit.penalise('k');
    expect((await refusal(limit.check('k'))).code).toBe('RATE_LIMITED');
    await limit.penalise('k'); // never throws
  });

  it('reset() forgets the key', async () => {
    const limit = (await open()).limit({ name: 'reset', points: 1, durationSeconds: 60 });
    await limit.consume('k');
    await expect(limit.consume('k')).rejects.toThrow(DomainError);
    await limit.reset('k');
    await limit.consume('k');
  });

  it('refund() gives hits back, so attempts that turn out fine do not count', async () => {
    const limit = (await open()).limit({ name: 'refund', points: 2, durationSeconds: 60 });
    for (let i = 0; i < 5; i++) {
      await limit.consume('k');
      await limit.refund('k');
    }
    await limit.consume('k');
    await limit.consume('k');
    await expect(limit.consume('k')).rejects.toThrow(DomainError);
  });

  it('windows expire', async () => {
    const limit = (await open()).limit({ name: 'short', points: 1, durationSeconds: 1 });
    await limit.consume('k');
    await expect(limit.consume('k')).rejects.toThrow(DomainError);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await limit.consume('k');
  });

  it('two limit sets with the same prefix share counts (replicas), other prefixes do not', async () => {
    const keyPrefix = `shared-${randomUUID()}`;
    const one = await createRateLimits({ redisUrl, keyPrefix });
    const two = await createRateLimits({ redisUrl, keyPrefix });
    const other = await open();
    opened.push(one, two);
    const rule = { name: 'shared', points: 2, durationSeconds: 60 };
    await one.limit(rule).consume('k');
    await two.limit(rule).consume('k');
    await other.limit(rule).consume('k');
    if (redisUrl) await expect(one.limit(rule).consume('k')).rejects.toThrow(DomainError);
    else await one.limit(rule).consume('k'); // memory: each process (here: each set) counts on its own
  });
});
