import { randomBytes } from 'node:crypto';
import { conflict } from '@drobble/kit/errors';
import { invalidCredentials, sessionEnded } from '../domain/errors.ts';
import { assertNotLastAdmin } from '../domain/roles.ts';
import { requireLiveViewer, type Caller } from './caller.ts';
import type { IdentityDeps } from './ports.ts';
import { revokeAllSessions } from './revoke-sessions.ts';

export const ACCOUNT_DELETED_REASON = 'ACCOUNT_DELETED';

/**
 * Everything identity holds about the signed-in user, as JSON text: profile, addresses and
 * sessions. Never a password hash, MFA secret or token (not even hashed). Orders, reviews and
 * other contexts' data come from those contexts.
 */
export async function exportMyData(deps: IdentityDeps, caller: Caller): Promise<string> {
  const viewer = await requireLiveViewer(deps, caller);
  const [user, addresses, sessions] = await Promise.all([
    deps.store.findUserById(viewer.userId),
    deps.store.findAddressesByUserIds([viewer.userId]),
    deps.store.listSessions(viewer.userId),
  ]);
  if (!user) throw sessionEnded();
  const profile = {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    roles: user.roles,
    status: user.status,
    mfaEnabled: user.mfaEnabled,
    createdAt: user.createdAt,
    passwordChangedAt: user.passwordChangedAt,
  };
  const savedAddresses = addresses.map(({ userId: _userId, ...address }) => address);
  return JSON.stringify({ exportedAt: deps.clock(), user: profile, addresses: savedAddresses, sessions }, null, 2);
}

/**
 * Deletes the signed-in user's account after re-checking their password: personal data is
 * anonymised in place (the id stays, so orders' financial records keep their customer reference),
 * addresses are deleted, every session is revoked and identity.user.deleted tells other contexts.
 * The last active ADMIN cannot delete their account.
 */
export async function deleteMyAccount(deps: IdentityDeps, password: string, caller: Caller): Promise<boolean> {
  const viewer = await requireLiveViewer(deps, caller);
  const current = await deps.store.findUserById(viewer.userId);
  if (!current) throw sessionEnded();
  if (!(await deps.hasher.verify(current.passwordHash, password))) throw invalidCredentials();
  const now = deps.clock();
  await deps.store.transaction(async (tx) => {
    const admins = await tx.lockActiveAdminIds();
    const user = await tx.lockUser(viewer.userId);
    if (!user || user.deletedAt) throw sessionEnded();
    if (user.roles.includes('ADMIN')) {
      try {
        assertNotLastAdmin(admins, user.id);
      } catch {
        throw conflict('You are the last active ADMIN; grant ADMIN to someone else before deleting your account');
      }
    }
    await tx.updateUser(user.id, {
      email: `deleted-${user.id}@deleted.invalid`,
      firstName: null,
      lastName: null,
      // Not an argon2 hash: no password verifies against it.
      passwordHash: `!deleted:${randomBytes(16).toString('base64url')}`,
      mfaEnabled: false,
      mfaSecret: null,
      mfaPendingSecret: null,
      deletedAt: now,
    });
    await tx.deleteAllAddresses(user.id);
    await tx.voidPasswordResets(user.id, now);
    await revokeAllSessions(tx, user.id, ACCOUNT_DELETED_REASON, { ...caller.meta, occurredAt: now });
    await tx.recordEvent('identity.user.deleted.v1', { userId: user.id }, { ...caller.meta, occurredAt: now });
  });
  return true;
}
