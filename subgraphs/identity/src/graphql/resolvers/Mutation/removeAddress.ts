import type { IdentityContext } from '../../../context.ts';

export function removeAddress(_parent: unknown, args: { id: string }, context: IdentityContext): Promise<boolean> {
  return context.useCases.removeAddress(args.id);
}
