import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError, ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** One limit: at most `points` hits per key in a fixed window of `durationSeconds`. */
export interface RateLimitRule {
  /** Short, stable name; part of every stored key (`<prefix>:<name>:<key>`). */
  name: string;
  points: number;
  durationSeconds: number;
  /** What the RATE_LIMITED error says is being limited (e.g. "sign-in attempts"). */
  what?: string;
}

/** A limiter for one rule. Keys are free text (an email, an IP address, a user id); they are hashed before storage. */
export interface RateLimit {
  readonly rule: RateLimitRule;
  /** Counts `points` hits for key; throws RATE_LIMITED (extensions.retryAfterSeconds) when that goes over the limit. */
  consume(key: string, points?: number): Promise<void>;
  /** Throws RATE_LIMITED when key has already used up the window, without counting a hit. */
  check(key: string): Promise<void>;
  /** Counts `points` hits without ever throwing (e.g. record a failure, then answer as usual). */
  penalise(key: string, points?: number): Promise<void>;
  /** Gives back `points` hits (consume up front, refund when the attempt turns out fine: atomic under concurrency). */
  refund(key: string, points?: number): Promise<void>;
  /** Forgets key's hits (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
}

export interface RateLimits {
  /** `memory` (this process only) or `redis` (shared by every replica using the same Redis and prefix). */
  readonly store: 'memory' | 'redis';
  limit(rule: RateLimitRule): RateLimit;
  close(): Promise<void>;
}

export interface RateLimitsOptions {
  /** redis://… to share limits across processes; omitted: in-memory, per process. */
  redisUrl?: string;
  /** Namespace of every key (e.g. a service name, or a per-test unique value). */
  keyPrefix: string;
  logger?: Logger;
}

/** The RATE_LIMITED error, with how long to wait. */
export function rateLimitedError(rule: RateLimitRule, msBeforeNext: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError(ErrorCode.RATE_LIMITED, `Too many ${rule.what ?? 'attempts'}; try again in ${retryAfterSeconds} seconds`, {
    extensions: { retryAfterSeconds },
  });
}

/** Keys may be emails or addresses: store a digest, never the personal data itself. */
const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest('base64url').slice(0, 32);

function wrap(rule: RateLimitRule, limiter: RateLimiterAbstract): RateLimit {
  const refuse = (result: RateLimiterRes) => rateLimitedError(rule, result.msBeforeNext);
  return {
    rule,
    async consume(key, points = 1) {
      try {
        await limiter.consume(digest(key), points);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw refuse(rejection);
        throw rejection;
      }
    },
    async check(key) {
      const result = await limiter.get(digest(key));
      if (result && result.consumedPoints >= rule.points && result.msBeforeNext > 0) throw refuse(result);
    },
    async penalise(key, points = 1) {
      await limiter.penalty(digest(key), points);
    },
    async refund(key, points = 1) {
      await limiter.reward(digest(key), points);
    },
    async reset(key) {
      await limiter.delete(digest(key));
    },
  };
}

/** Resolves once the client is connected, or after `timeoutMs` (the insurance limiter covers the gap). */
async function connected(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once('ready', done);
  });
}

/**
 * Rate limits on rate-limiter-flexible: in memory by default, in Redis (via ioredis) when
 * `redisUrl` is given. With Redis, an in-memory limiter insures against outages: while Redis is
 * not connected each process limits on its own at once, instead of failing or stalling requests.
 * Waits up to 2 s for the first connection.
 */
export async function createRateLimits(options: RateLimitsOptions): Promise<RateLimits> {
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000 }) : undefined;
  redis?.on('error', (error: Error) => options.logger?.warn({ err: error }, 'rate-limit Redis error; limiting per process until it is back'));
  if (redis) await connected(redis, 2_000);
  return {
    store: redis ? 'redis' : 'memory',
    limit(rule) {
      const base = { keyPrefix: `${options.keyPrefix}:${rule.name}`, points: rule.points, duration: rule.durationSeconds };
      const memory = new RateLimiterMemory(base);
      if (!redis) return wrap(rule, memory);
      return wrap(rule, new RateLimiterRedis({ ...base, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }));
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
