import { hasRole } from '@drobble/kit/auth/guards';
import { DomainError, ErrorCode } from '@drobble/kit/errors';
import type { RequestContext } from '@drobble/kit/server/request-context';
import { addAddress, removeAddress, updateProfile } from './application/profile.ts';
import { banUser, listUsers, setUserRoles, unbanUser } from './application/admin-users.ts';
import type { Caller } from './application/caller.ts';
import { login } from './application/login.ts';
import { logout } from './application/logout.ts';
import { confirmMfa, disableMfa, setupMfa } from './application/mfa.ts';
import { requestPasswordReset, resetPassword } from './application/password-reset.ts';
import type { IdentityDeps } from './application/ports.ts';
import { deleteMyAccount, exportMyData } from './application/privacy.ts';
import { refreshToken } from './application/refresh-token.ts';
import { register } from './application/register.ts';
import { requireLiveViewer } from './application/caller.ts';
import type { Address, User } from './domain/user.ts';
import { createBatchLoader, type BatchLoader } from './graphql/batch-loader.ts';

/** Binds a use case `(deps, ...args, caller)` to this request: resolvers call `useCases.x(...args)`. */
type Bound<F> = F extends (deps: IdentityDeps, ...rest: infer A) => infer R ? (A extends [...infer Args, Caller] ? (...args: Args) => R : never) : never;

const useCaseTable = {
  register, login, refreshToken, logout, updateProfile, addAddress, removeAddress, setupMfa, confirmMfa, disableMfa,
  requestPasswordReset, resetPassword, listUsers, setUserRoles, banUser, unbanUser, exportMyData, deleteMyAccount,
  requireLiveViewer,
};
type UseCases = { [K in keyof typeof useCaseTable]: Bound<(typeof useCaseTable)[K]> };

/** What identity's resolvers get: the verified viewer, the use cases and per-request loaders. */
export interface IdentityContext extends RequestContext {
  useCases: UseCases;
  loaders: {
    user: BatchLoader<string, User>;
    addresses: BatchLoader<string, Address[]>;
  };
  /** Users this request just signed in (AuthPayload.user): they may see their own private fields. */
  selfIds: Set<string>;
}

function createLoaders(deps: IdentityDeps): IdentityContext['loaders'] {
  return {
    user: createBatchLoader(async (ids) => new Map((await deps.store.findUsersByIds(ids)).map((user) => [user.id, user]))),
    addresses: createBatchLoader(async (userIds) => {
      const byUser = new Map<string, Address[]>(userIds.map((id) => [id, []]));
      for (const address of await deps.store.findAddressesByUserIds(userIds)) byUser.get(address.userId)?.push(address);
      return byUser;
    }),
  };
}

function bindUseCases(deps: IdentityDeps, caller: Caller): UseCases {
  const bound: Record<string, unknown> = {};
  for (const [name, useCase] of Object.entries(useCaseTable)) {
    bound[name] = (...args: unknown[]) => (useCase as (...all: unknown[]) => unknown)(deps, ...args, caller);
  }
  return bound as UseCases;
}

export function createIdentityContext(deps: IdentityDeps, base: RequestContext): IdentityContext {
  const { viewer } = base;
  const caller: Caller = {
    viewer,
    clientAddress: viewer.clientAddress ?? null,
    meta: { correlationId: base.correlationId, actor: viewer.userId ? { userId: viewer.userId, roles: [...viewer.roles] } : null },
  };
  return { ...base, useCases: bindUseCases(deps, caller), loaders: createLoaders(deps), selfIds: new Set() };
}

/** FORBIDDEN unless the viewer is this user (or was just signed in as them), or ADMIN/SUPPORT. */
export function requireSelfOrStaff(context: IdentityContext, userId: string): void {
  if (context.viewer.userId === userId || context.selfIds.has(userId)) return;
  if (hasRole(context.viewer, 'ADMIN', 'SUPPORT')) return;
  throw new DomainError(ErrorCode.FORBIDDEN, 'You are not allowed to see this');
}
