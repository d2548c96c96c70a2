import { describe, expect, it } from 'vitest';
import { decideRefresh, generateRefreshToken, hashRefreshToken, refreshTokenExpiry, type RefreshTokenState } from './refresh-token.ts';

const now = new Date('2026-11-22T10:00:00.000Z');
const fresh: RefreshTokenState = { expiresAt: new Date('2026-11-29T10:00:00.000Z'), usedAt: null, sessionRevokedAt: null, userBanned: false };

describe('refresh tokens', () => {
  it('are 32 random bytes in base64url (43 characters), never repeating', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateRefreshToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are stored as their sha256 hex digest', () => {
    expect(hashRefreshToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashRefreshToken('abc')).not.toBe(hashRefreshToken('abd'));
  });

  it('expire after the configured time', () => {
    expect(refreshTokenExpiry(now, 7 * 24 * 3600)).toEqual(new Date('2026-11-29T10:00:00.000Z'));
  });
});

describe('decideRefresh', () => {
  it('rotates an unused, unexpired token of a live session', () => {
    expect(decideRefresh(fresh, now)).toEqual({ kind: 'ROTATE' });
  });

  it('treats an already used token as reuse (revoke the family)', () => {
    expect(decideRefresh({ ...fresh, usedAt: new Date(now.getTime() - 1000) }, now)).toEqual({ kind: 'REUSE' });
  });

  it('rejects expired tokens, revoked sessions and banned users', () => {
    expect(decideRefresh({ ...fresh, expiresAt: now }, now)).toEqual({ kind: 'REJECT', reason: 'EXPIRED' });
    expect(decideRefresh({ ...fresh, sessionRevokedAt: now }, now)).toEqual({ kind: 'REJECT', reason: 'SESSION_REVOKED' });
    expect(decideRefresh({ ...fresh, userBanned: true }, now)).toEqual({ kind: 'REJECT', reason: 'USER_BANNED' });
  });

  it('reports a revoked session before reuse, so a reused token of a revoked family just fails', () => {
    expect(decideRefresh({ ...fresh, usedAt: now, sessionRevokedAt: now }, now)).toEqual({ kind: 'REJECT', reason: 'SESSION_REVOKED' });
  });

  it('counts reuse of an expired used token as reuse', () => {
    expect(decideRefresh({ ...fresh, usedAt: now, expiresAt: new Date(0) }, now)).toEqual({ kind: 'REUSE' });
  });
});
