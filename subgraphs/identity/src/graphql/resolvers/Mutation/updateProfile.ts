import type { ProfileInput } from '../../../application/profile.ts';
import type { IdentityContext } from '../../../context.ts';
import type { User } from '../../../domain/user.ts';

export function updateProfile(_parent: unknown, args: ProfileInput, context: IdentityContext): Promise<User> {
  return context.useCases.updateProfile({ firstName: args.firstName, lastName: args.lastName });
}
