import { createHash, randomBytes } from 'node:crypto';

/** Opaque refresh tokens: 32 random bytes, base64url. Only their sha256 is stored. */
export const generateRefreshToken = (): string => randomBytes(32).toString('base64url');

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A token is at most this long (43 chars for 32 bytes); anything longer is not one of ours, no need to hash it. */
export const MAX_REFRESH_TOKEN_LENGTH = 128;

export interface RefreshTokenState {
  expiresAt: Date;
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
  userBanned: boolean;
}

/**
 * What presenting a refresh token leads to:
 * - ROTATE: valid; mark it used and issue the next one of the family.
 * - REUSE: it was already rotated, so either the client or a thief holds a stale copy; revoke the family.
 * - REJECT: expired, revoked session or banned user; refuse without side effects.
 */
export type RefreshDecision = { kind: 'ROTATE' } | { kind: 'REUSE' } | { kind: 'REJECT'; reason: 'EXPIRED' | 'SESSION_REVOKED' | 'USER_BANNED' };

export function decideRefresh(token: RefreshTokenState, now: Date): RefreshDecision {
  if (token.sessionRevokedAt) return { kind: 'REJECT', reason: 'SESSION_REVOKED' };
  if (token.usedAt) return { kind: 'REUSE' };
  if (token.expiresAt.getTime() <= now.getTime()) return { kind: 'REJECT', reason: 'EXPIRED' };
  if (token.userBanned) return { kind: 'REJECT', reason: 'USER_BANNED' };
  return { kind: 'ROTATE' };
}

export const refreshTokenExpiry = (now: Date, ttlSeconds: number): Date => new Date(now.getTime() + ttlSeconds * 1000);
