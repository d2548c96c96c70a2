import type { LoginInput } from '../../../application/login.ts';
import type { AuthPayload } from '../../../application/ports.ts';
import type { IdentityContext } from '../../../context.ts';

export function login(_parent: unknown, args: LoginInput, context: IdentityContext): Promise<AuthPayload> {
  return context.useCases.login({ email: args.email, password: args.password, mfaCode: args.mfaCode });
}
