import type { AuthPayload } from '../../../application/ports.ts';
import type { RegisterInput } from '../../../application/register.ts';
import type { IdentityContext } from '../../../context.ts';

export function register(_parent: unknown, args: { input: RegisterInput }, context: IdentityContext): Promise<AuthPayload> {
  return context.useCases.register(args.input);
}
