import { isRole, type Role } from '@drobble/kit/auth/viewer';
import { badInput, conflict } from '@drobble/kit/errors';

/** Deduplicated, in the contract's order; BAD_USER_INPUT (field roles) when empty or unknown. */
export function parseRoles(raw: readonly string[]): Role[] {
  if (raw.length === 0) throw badInput('roles', 'A user needs at least one role');
  const unknown = raw.find((role) => !isRole(role));
  if (unknown !== undefined) throw badInput('roles', `Unknown role ${unknown}`);
  const order: Role[] = ['CUSTOMER', 'ADMIN', 'SELLER', 'SUPPORT'];
  return order.filter((role) => raw.includes(role));
}

export const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean => a.length === b.length && a.every((role) => b.includes(role));

/**
 * CONFLICT when a change would leave no active ADMIN: `activeAdminIds` are the active admins now,
 * `userId` is the user losing the ability to administer (roles change, ban or deletion).
 */
export function assertNotLastAdmin(activeAdminIds: readonly string[], userId: string): void {
  if (activeAdminIds.includes(userId) && activeAdminIds.length <= 1) {
    throw conflict('This is the last active ADMIN; grant ADMIN to someone else first');
  }
}
