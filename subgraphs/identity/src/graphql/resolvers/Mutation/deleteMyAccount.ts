import type { IdentityContext } from '../../../context.ts';

export function deleteMyAccount(_parent: unknown, args: { password: string }, context: IdentityContext): Promise<boolean> {
  return context.useCases.deleteMyAccount(args.password);
}
