import type { IdentityContext } from '../../../context.ts';
import type { User } from '../../../domain/user.ts';

export function unbanUser(_parent: unknown, args: { userId: string }, context: IdentityContext): Promise<User> {
  return context.useCases.unbanUser(args.userId);
}
