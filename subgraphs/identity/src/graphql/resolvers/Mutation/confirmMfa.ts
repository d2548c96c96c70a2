import type { IdentityContext } from '../../../context.ts';

export function confirmMfa(_parent: unknown, args: { code: string }, context: IdentityContext): Promise<boolean> {
  return context.useCases.confirmMfa(args.code);
}
