import type { AuthPayload } from '../../../application/ports.ts';
import type { IdentityContext } from '../../../context.ts';

export function refreshToken(_parent: unknown, args: { refreshToken: string }, context: IdentityContext): Promise<AuthPayload> {
  return context.useCases.refreshToken(args.refreshToken);
}
