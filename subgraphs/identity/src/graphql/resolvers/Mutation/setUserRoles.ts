import type { Role } from '@drobble/kit/auth/viewer';
import type { IdentityContext } from '../../../context.ts';
import type { User } from '../../../domain/user.ts';

export function setUserRoles(_parent: unknown, args: { userId: string; roles: Role[] }, context: IdentityContext): Promise<User> {
  return context.useCases.setUserRoles(args.userId, args.roles);
}
