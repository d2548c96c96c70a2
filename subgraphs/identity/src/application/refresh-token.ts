import { randomUUID } from 'node:crypto';
import type { EventMeta } from '@drobble/schema/events';
import { invalidRefreshToken } from '../domain/errors.ts';
import { MAX_REFRESH_TOKEN_LENGTH, decideRefresh, hashRefreshToken } from '../domain/refresh-token.ts';
import { isActive, type User } from '../domain/user.ts';
import type { Caller } from './caller.ts';
import type { AuthPayload, IdentityDeps, IdentityTx, StoredRefreshToken } from './ports.ts';
import { addRefreshToken, authPayload } from './sessions.ts';

type Outcome = { kind: 'ROTATED'; user: User; sessionId: string; refreshToken: string } | { kind: 'REFUSED' };

export const REUSE_REASON = 'REFRESH_TOKEN_REUSE';

/** Revokes the whole family: whoever holds any of its tokens must sign in again. */
async function revokeFamily(tx: IdentityTx, stored: StoredRefreshToken, now: Date, meta: EventMeta): Promise<Outcome> {
  if (await tx.revokeSession(stored.sessionId, REUSE_REASON, now)) {
    await tx.recordEvent('identity.session.revoked.v1', { userId: stored.user.id, sessionId: stored.sessionId, reason: REUSE_REASON }, { ...meta, occurredAt: now });
  }
  return { kind: 'REFUSED' };
}

async function rotate(deps: IdentityDeps, tx: IdentityTx, tokenHash: string, now: Date, meta: EventMeta): Promise<Outcome> {
  const stored = await tx.findRefreshToken(tokenHash);
  if (!stored) return { kind: 'REFUSED' };
  const decision = decideRefresh({ ...stored, userBanned: !isActive(stored.user) }, now);
  if (decision.kind === 'REUSE') return revokeFamily(tx, stored, now, meta);
  if (decision.kind === 'REJECT') return { kind: 'REFUSED' };
  const nextId = randomUUID();
  // Conditional update: of two concurrent uses only one sees usedAt still null. The loser presented
  // a token that is (now) used, which is reuse: it revokes the family like any other reuse.
  if (!(await tx.claimRefreshToken(stored.id, now, nextId))) return revokeFamily(tx, stored, now, meta);
  const next = await addRefreshToken(tx, stored.sessionId, deps.tokens, now, nextId);
  return { kind: 'ROTATED', user: stored.user, sessionId: stored.sessionId, refreshToken: next.token };
}

/**
 * Exchanges a refresh token for a new access token and a new refresh token (rotation). Presenting
 * a token that was already rotated revokes its session: every token of the family stops working.
 * The revocation commits even though the call fails.
 */
export async function refreshToken(deps: IdentityDeps, token: string, caller: Caller): Promise<AuthPayload> {
  const { meta } = caller;
  if (token.length === 0 || token.length > MAX_REFRESH_TOKEN_LENGTH) throw invalidRefreshToken();
  const now = deps.clock();
  const tokenHash = hashRefreshToken(token);
  const outcome = await deps.store.transaction((tx) => rotate(deps, tx, tokenHash, now, meta));
  if (outcome.kind === 'REFUSED') throw invalidRefreshToken();
  return authPayload(outcome.user, outcome.sessionId, outcome.refreshToken, deps.tokens, now);
}
