import { z } from 'zod';
import { id } from './envelope.ts';

/**
 * Partner API keys. The partners subgraph owns them; every gateway replica keeps an in-memory
 * directory from `created`/`revoked` (so a request is authenticated without a synchronous call),
 * and reports what each key did with `used` every few seconds (the partners subgraph sums them).
 * Keys travel only as SHA-256 hex digests: a key is 256 random bits, so its digest cannot be
 * reversed or guessed, and a leaked event or table reveals no usable key.
 */

/** SHA-256 of the key, lower-case hex. */
const keyHash = z.string().regex(/^[0-9a-f]{64}$/);
/** Persisted-document ids (SHA-256 hex of the operation text, as codegen's manifest keys them). */
const operationId = z.string().regex(/^[0-9a-f]{64}$/);

export const apiKeyCreatedV1 = z.object({
  keyId: id(),
  name: z.string().min(1).max(100),
  keyHash,
  allowedOperations: z.array(operationId).min(1).max(500),
  /** Requests per minute this key may make. */
  rateLimitPerMinute: z.number().int().positive().max(100_000),
});

export const apiKeyRevokedV1 = z.object({
  keyId: id(),
  keyHash,
});

/** Requests a gateway replica served for a key during [from, to). */
export const apiKeyUsedV1 = z.object({
  keyId: id(),
  count: z.number().int().positive(),
  from: z.iso.datetime({ offset: false }),
  to: z.iso.datetime({ offset: false }),
});

export const partnersEvents = {
  'partners.api_key.created.v1': apiKeyCreatedV1,
  'partners.api_key.revoked.v1': apiKeyRevokedV1,
  'partners.api_key.used.v1': apiKeyUsedV1,
} as const;
