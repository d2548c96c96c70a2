import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { privateKeyFromPem } from '@drobble/kit/auth/keys';
import { booleanFlag, optionalUrl } from '@drobble/kit/config/fields';
import { parseConfig } from '@drobble/kit/config/load-config';

const ed25519PrivateKey = z.string().transform((pem, context): KeyObject => {
  try {
    const key = privateKeyFromPem(pem);
    if (key.asymmetricKeyType === 'ed25519') return key;
  } catch {
    // reported below
  }
  context.addIssue({ code: 'custom', message: 'expected an Ed25519 private key in PEM (PKCS#8)' });
  return z.NEVER;
});

const seconds = (min: number, max: number, fallback: number) =>
  z.coerce.number({ message: 'expected a number of seconds' }).int().min(min).max(max).default(fallback);

const count = (fallback: number) => z.coerce.number({ message: 'expected a whole number' }).int().min(1).max(1_000_000).default(fallback);

/** 32 bytes in base64 (openssl rand -base64 32). */
const aesKey = z
  .string()
  .transform((value, context): Buffer => {
    const key = Buffer.from(value.trim(), 'base64');
    if (key.length === 32) return key;
    context.addIssue({ code: 'custom', message: 'expected 32 bytes in base64 (openssl rand -base64 32)' });
    return z.NEVER;
  })
  .optional();

/** Identity's own settings (the platform's DATABASE_URL, NATS_URL, PORT… come through the runtime). */
export const identityConfigShape = {
  /** Signs access tokens; the gateway verifies them with ACCESS_TOKEN_PUBLIC_KEY. */
  ACCESS_TOKEN_PRIVATE_KEY: ed25519PrivateKey,
  ACCESS_TOKEN_TTL_SECONDS: seconds(60, 24 * 3600, 15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: seconds(5 * 60, 90 * 24 * 3600, 7 * 24 * 3600),
  SEED_DEMO_DATA: booleanFlag(false),
  /** Encrypts TOTP secrets at rest; default: derived from ACCESS_TOKEN_PRIVATE_KEY (rotating that key then voids MFA enrolments). */
  MFA_ENCRYPTION_KEY: aesKey,
  PASSWORD_RESET_TTL_SECONDS: seconds(1, 24 * 3600, 30 * 60),
  /** Shares rate limits between replicas; without it each process limits on its own. */
  REDIS_URL: optionalUrl(['redis', 'rediss']),
  /** Namespace of the rate-limit keys in Redis; default: derived from the database URL, so replicas of one deployment share it. */
  RATE_LIMIT_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,100}$/, 'letters, digits, : _ - only').optional(),
  LOGIN_FAILURES_PER_ACCOUNT: count(5),
  LOGIN_FAILURES_PER_ADDRESS: count(20),
  LOGIN_FAILURE_WINDOW_SECONDS: seconds(1, 24 * 3600, 5 * 60),
  REGISTRATIONS_PER_ADDRESS: count(30),
  REGISTRATION_WINDOW_SECONDS: seconds(1, 24 * 3600, 10 * 60),
  PASSWORD_RESETS_PER_ACCOUNT: count(3),
  PASSWORD_RESETS_PER_ADDRESS: count(10),
  PASSWORD_RESET_WINDOW_SECONDS: seconds(1, 24 * 3600, 15 * 60),
};

export type IdentityConfig = ReturnType<typeof parseIdentityConfig>;

/** Throws ConfigError naming every wrong variable. */
export const parseIdentityConfig = (env: NodeJS.ProcessEnv) => parseConfig(identityConfigShape, env);
