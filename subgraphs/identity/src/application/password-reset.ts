import { randomUUID } from 'node:crypto';
import { MAX_EMAIL_LENGTH, normaliseEmail } from '../domain/email.ts';
import { invalidResetToken } from '../domain/errors.ts';
import { assertPasswordAllowed } from '../domain/password-policy.ts';
import { MAX_REFRESH_TOKEN_LENGTH, generateRefreshToken, hashRefreshToken } from '../domain/refresh-token.ts';
import { isActive } from '../domain/user.ts';
import type { Caller } from './caller.ts';
import type { IdentityDeps } from './ports.ts';
import { revokeAllSessions } from './revoke-sessions.ts';

export const PASSWORD_RESET_REASON = 'PASSWORD_RESET';

/**
 * Always true, whether or not the email has an account (no enumeration); rate limited per email
 * and per address alike, so the limits say nothing either. For an active account it stores the
 * sha256 of a fresh single-use token (voiding older ones) and emits
 * identity.password_reset.requested with the raw token, for notifications to email.
 */
export async function requestPasswordReset(deps: IdentityDeps, rawEmail: string, caller: Caller): Promise<boolean> {
  const email = normaliseEmail(rawEmail);
  if (caller.clientAddress) await deps.limits.passwordResetsPerAddress.consume(caller.clientAddress);
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH) return true;
  await deps.limits.passwordResetsPerAccount.consume(email);
  const user = await deps.store.findUserByEmail(email);
  if (!user || !isActive(user)) return true;
  const now = deps.clock();
  const token = generateRefreshToken();
  const expiresAt = new Date(now.getTime() + deps.passwordResetTtlSeconds * 1000);
  await deps.store.transaction(async (tx) => {
    await tx.voidPasswordResets(user.id, now);
    await tx.createPasswordReset({ id: randomUUID(), userId: user.id, tokenHash: hashRefreshToken(token), expiresAt });
    const data = { userId: user.id, email: user.email, firstName: user.firstName, token, expiresAt: expiresAt.toISOString() };
    await tx.recordEvent('identity.password_reset.requested.v1', data, { ...caller.meta, occurredAt: now });
  });
  return true;
}

/**
 * Sets a new password with a reset token: the token is consumed (single use, even when two
 * requests race), older tokens are voided and every session of the user is revoked. The policy is
 * checked before the token is touched, so a weak password does not burn the link.
 */
export async function resetPassword(deps: IdentityDeps, token: string, newPassword: string, caller: Caller): Promise<boolean> {
  assertPasswordAllowed(newPassword, deps.commonPasswords, 'newPassword');
  if (caller.clientAddress) await deps.limits.passwordResetsPerAddress.consume(caller.clientAddress);
  if (token.length === 0 || token.length > MAX_REFRESH_TOKEN_LENGTH) throw invalidResetToken();
  const passwordHash = await deps.hasher.hash(newPassword);
  const now = deps.clock();
  await deps.store.transaction(async (tx) => {
    const userId = await tx.claimPasswordReset(hashRefreshToken(token), now);
    const user = userId ? await tx.lockUser(userId) : null;
    if (!user || !isActive(user)) throw invalidResetToken();
    await tx.updateUser(user.id, { passwordHash, passwordChangedAt: now });
    await tx.voidPasswordResets(user.id, now);
    await revokeAllSessions(tx, user.id, PASSWORD_RESET_REASON, { ...caller.meta, occurredAt: now });
    await tx.recordEvent('identity.password_reset.completed.v1', { userId: user.id, email: user.email }, { ...caller.meta, occurredAt: now });
  });
  return true;
}
