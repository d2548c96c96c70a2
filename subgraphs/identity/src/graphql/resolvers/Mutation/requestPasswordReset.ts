import type { IdentityContext } from '../../../context.ts';

export function requestPasswordReset(_parent: unknown, args: { email: string }, context: IdentityContext): Promise<boolean> {
  return context.useCases.requestPasswordReset(args.email);
}
