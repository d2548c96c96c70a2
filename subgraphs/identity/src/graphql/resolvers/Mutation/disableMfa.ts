import type { IdentityContext } from '../../../context.ts';

export function disableMfa(_parent: unknown, args: { code: string }, context: IdentityContext): Promise<boolean> {
  return context.useCases.disableMfa(args.code);
}
