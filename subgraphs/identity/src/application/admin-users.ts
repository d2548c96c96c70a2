import { requireRole } from '@drobble/kit/auth/guards';
import type { Role } from '@drobble/kit/auth/viewer';
import { badInput, conflict } from '@drobble/kit/errors';
import { userNotFound } from '../domain/errors.ts';
import { assertNotLastAdmin, parseRoles, sameRoles } from '../domain/roles.ts';
import type { User, UserStatus } from '../domain/user.ts';
import { requireLiveViewer, type Caller } from './caller.ts';
import type { IdentityDeps, IdentityTx, Page, UserFilter } from './ports.ts';
import { revokeAllSessions } from './revoke-sessions.ts';

export const ROLES_CHANGED_REASON = 'ROLES_CHANGED';
export const BANNED_REASON = 'USER_BANNED';
const MAX_PAGE_SIZE = 100;

async function requireAdmin(deps: IdentityDeps, caller: Caller) {
  requireRole(caller.viewer, 'ADMIN');
  return requireLiveViewer(deps, caller);
}

async function lockExisting(tx: IdentityTx, userId: string) {
  const user = await tx.lockUser(userId);
  if (!user || user.deletedAt) throw userNotFound();
  return user;
}

export interface UserPageArgs {
  filter?: UserFilter | null;
  page?: number | null;
  pageSize?: number | null;
}

/** ADMIN: users matching search text (email or names), role and status, newest first. */
export async function listUsers(deps: IdentityDeps, args: UserPageArgs, caller: Caller): Promise<Page<User> & { page: number; pageSize: number }> {
  await requireAdmin(deps, caller);
  const page = args.page ?? 1;
  const pageSize = args.pageSize ?? 20;
  if (!Number.isInteger(page) || page < 1) throw badInput('page', 'page must be 1 or more');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw badInput('pageSize', `pageSize must be between 1 and ${MAX_PAGE_SIZE}`);
  const search = args.filter?.search?.trim();
  if (search && search.length > 200) throw badInput('filter.search', 'search must be at most 200 characters long');
  const result = await deps.store.listUsers({ ...args.filter, search }, (page - 1) * pageSize, pageSize);
  return { ...result, page, pageSize };
}

/**
 * ADMIN: replaces a user's roles and revokes their sessions (they sign in again and get tokens with
 * the new roles; their old refresh tokens are dead). The last active ADMIN keeps ADMIN: admin rows
 * are locked, so two admins demoting each other at once cannot both succeed.
 */
export async function setUserRoles(deps: IdentityDeps, userId: string, rawRoles: readonly Role[], caller: Caller): Promise<User> {
  const admin = await requireAdmin(deps, caller);
  const roles = parseRoles(rawRoles);
  const now = deps.clock();
  return deps.store.transaction(async (tx) => {
    const admins = await tx.lockActiveAdminIds();
    const user = await lockExisting(tx, userId);
    if (sameRoles(user.roles, roles)) return user;
    if (!roles.includes('ADMIN')) assertNotLastAdmin(admins, user.id);
    const updated = await tx.updateUser(user.id, { roles });
    await revokeAllSessions(tx, user.id, ROLES_CHANGED_REASON, { ...caller.meta, occurredAt: now });
    await tx.recordEvent('identity.user.roles_changed.v1', { userId: user.id, roles, previousRoles: user.roles, changedBy: admin.userId }, { ...caller.meta, occurredAt: now });
    return updated;
  });
}

async function setStatus(deps: IdentityDeps, userId: string, status: UserStatus, reason: string | null, caller: Caller): Promise<User> {
  const admin = await requireAdmin(deps, caller);
  const now = deps.clock();
  return deps.store.transaction(async (tx) => {
    const admins = await tx.lockActiveAdminIds();
    const user = await lockExisting(tx, userId);
    if (user.status === status) return user;
    if (status === 'BANNED') {
      if (user.id === admin.userId) throw conflict('You cannot ban yourself');
      assertNotLastAdmin(admins, user.id);
      const updated = await tx.updateUser(user.id, { status, bannedAt: now, bannedReason: reason });
      await revokeAllSessions(tx, user.id, BANNED_REASON, { ...caller.meta, occurredAt: now });
      await tx.recordEvent('identity.user.banned.v1', { userId: user.id, reason: reason!, bannedBy: admin.userId }, { ...caller.meta, occurredAt: now });
      return updated;
    }
    const updated = await tx.updateUser(user.id, { status, bannedAt: null, bannedReason: null });
    await tx.recordEvent('identity.user.unbanned.v1', { userId: user.id, unbannedBy: admin.userId }, { ...caller.meta, occurredAt: now });
    return updated;
  });
}

/** ADMIN: suspends an account and revokes all its sessions. BAD_USER_INPUT without a reason. */
export async function banUser(deps: IdentityDeps, userId: string, rawReason: string, caller: Caller): Promise<User> {
  const reason = rawReason.trim();
  if (reason.length === 0) throw badInput('reason', 'A reason is required');
  if (reason.length > 500) throw badInput('reason', 'reason must be at most 500 characters long');
  return setStatus(deps, userId, 'BANNED', reason, caller);
}

/** ADMIN: lets a banned account sign in again (its old sessions stay revoked). */
export const unbanUser = (deps: IdentityDeps, userId: string, caller: Caller): Promise<User> => setStatus(deps, userId, 'ACTIVE', null, caller);
