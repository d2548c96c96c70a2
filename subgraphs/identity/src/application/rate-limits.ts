import { createHash } from 'node:crypto';
import type { Logger } from '@drobble/kit/logger';
import { createRateLimits, type RateLimits } from '@drobble/kit/rate-limit/rate-limit';
import type { IdentityConfig } from '../config.ts';
import type { IdentityLimits } from './ports.ts';

/**
 * Identity's abuse limits on the kit's rate limiter (memory, or Redis with REDIS_URL). Key prefix:
 * RATE_LIMIT_KEY_PREFIX, else one derived from the database URL, so replicas of one deployment
 * (same database) share counts while separate platforms (e.g. parallel test runs) never do.
 */
export async function createIdentityLimits(config: IdentityConfig, databaseUrl: string, logger: Logger): Promise<{ limits: IdentityLimits; rateLimits: RateLimits }> {
  const keyPrefix = config.RATE_LIMIT_KEY_PREFIX ?? `identity:${createHash('sha256').update(databaseUrl).digest('hex').slice(0, 16)}`;
  const rateLimits = await createRateLimits({ redisUrl: config.REDIS_URL, keyPrefix, logger });
  const loginWindow = config.LOGIN_FAILURE_WINDOW_SECONDS;
  const resetWindow = config.PASSWORD_RESET_WINDOW_SECONDS;
  const failedSignIns = 'failed sign-in attempts';
  const limits: IdentityLimits = {
    loginFailuresPerAccount: rateLimits.limit({ name: 'login-fail-account', points: config.LOGIN_FAILURES_PER_ACCOUNT, durationSeconds: loginWindow, what: failedSignIns }),
    loginFailuresPerAddress: rateLimits.limit({ name: 'login-fail-address', points: config.LOGIN_FAILURES_PER_ADDRESS, durationSeconds: loginWindow, what: failedSignIns }),
    registrationsPerAddress: rateLimits.limit({ name: 'register-address', points: config.REGISTRATIONS_PER_ADDRESS, durationSeconds: config.REGISTRATION_WINDOW_SECONDS, what: 'registrations' }),
    passwordResetsPerAccount: rateLimits.limit({ name: 'reset-account', points: config.PASSWORD_RESETS_PER_ACCOUNT, durationSeconds: resetWindow, what: 'password reset requests' }),
    passwordResetsPerAddress: rateLimits.limit({ name: 'reset-address', points: config.PASSWORD_RESETS_PER_ADDRESS, durationSeconds: resetWindow, what: 'password reset requests' }),
    mfaFailuresPerUser: rateLimits.limit({ name: 'mfa-fail-user', points: config.LOGIN_FAILURES_PER_ACCOUNT, durationSeconds: loginWindow, what: 'wrong codes' }),
  };
  logger.info({ store: rateLimits.store }, 'rate limits ready');
  return { limits, rateLimits };
}
