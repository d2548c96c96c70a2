import type { IdentityContext } from '../../../context.ts';
import type { User } from '../../../domain/user.ts';

export function banUser(_parent: unknown, args: { userId: string; reason: string }, context: IdentityContext): Promise<User> {
  return context.useCases.banUser(args.userId, args.reason);
}
