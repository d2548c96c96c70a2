import type { IdentityContext } from '../../../context.ts';

export function logout(_parent: unknown, args: { refreshToken: string }, context: IdentityContext): Promise<boolean> {
  return context.useCases.logout(args.refreshToken);
}
