import { createHash, randomBytes } from 'node:crypto';
import { badInput } from '@drobble/kit/errors';

/** Keys look like `drb_live_<43 base64url chars>`: 256 random bits after a recognisable prefix. */
const KEY_PREFIX = 'drb_live_';
const OPERATION_ID = /^[0-9a-f]{64}$/;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
const MAX_RATE_LIMIT_PER_MINUTE = 100_000;
const MAX_OPERATIONS = 500;

export interface NewKey {
  key: string;
  hash: string;
  prefix: string;
}

/**
 * A fresh key. It is stored only as SHA-256: with 256 bits of entropy a fast hash is enough (no
 * dictionary or brute force can find a preimage), and it lets every gateway look a key up by its
 * digest in O(1) without a slow KDF on each request.
 */
export function generateKey(): NewKey {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashKey(key), prefix: key.slice(0, KEY_PREFIX.length + 6) };
}

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

export interface KeyInput {
  name: string;
  allowedOperations: string[];
  rateLimitPerMinute?: number | null;
}

/** Validates and normalises a key request; BAD_USER_INPUT names the field at fault. */
export function validateKeyInput(input: KeyInput, knownOperations?: ReadonlySet<string>) {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) throw badInput('name', 'Name must be 1 to 100 characters');
  const operations = [...new Set(input.allowedOperations.map((id) => id.trim().toLowerCase()))];
  if (operations.length === 0 || operations.length > MAX_OPERATIONS) throw badInput('allowedOperations', `Grant 1 to ${MAX_OPERATIONS} operations`);
  const unknown = operations.find((id) => !OPERATION_ID.test(id) || (knownOperations !== undefined && !knownOperations.has(id)));
  if (unknown !== undefined) throw badInput('allowedOperations', `Unknown persisted operation "${unknown.slice(0, 64)}" (ids come from the persisted-documents manifest)`);
  const rate = input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  if (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_LIMIT_PER_MINUTE) throw badInput('rateLimitPerMinute', `Rate limit must be 1 to ${MAX_RATE_LIMIT_PER_MINUTE} per minute`);
  return { name, allowedOperations: operations, rateLimitPerMinute: rate };
}
