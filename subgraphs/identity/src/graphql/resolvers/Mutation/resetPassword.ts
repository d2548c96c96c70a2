import type { IdentityContext } from '../../../context.ts';

export function resetPassword(_parent: unknown, args: { token: string; newPassword: string }, context: IdentityContext): Promise<boolean> {
  return context.useCases.resetPassword(args.token, args.newPassword);
}
