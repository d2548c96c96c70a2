import type { Caller } from './caller.ts';
import { MAX_REFRESH_TOKEN_LENGTH, hashRefreshToken } from '../domain/refresh-token.ts';
import type { IdentityDeps } from './ports.ts';

export const LOGOUT_REASON = 'LOGOUT';

/**
 * Revokes the session the refresh token belongs to, so no token of its family refreshes again.
 * Always true: an unknown or already revoked token means there is nothing left to sign out of.
 * (Access tokens already issued stay valid until they expire; they are short-lived.)
 */
export async function logout(deps: IdentityDeps, token: string, caller: Caller): Promise<boolean> {
  if (token.length === 0 || token.length > MAX_REFRESH_TOKEN_LENGTH) return true;
  const now = deps.clock();
  const tokenHash = hashRefreshToken(token);
  await deps.store.transaction(async (tx) => {
    const stored = await tx.findRefreshToken(tokenHash);
    if (!stored) return;
    if (await tx.revokeSession(stored.sessionId, LOGOUT_REASON, now)) {
      await tx.recordEvent('identity.session.revoked.v1', { userId: stored.user.id, sessionId: stored.sessionId, reason: LOGOUT_REASON }, { ...caller.meta, occurredAt: now });
    }
  });
  return true;
}
