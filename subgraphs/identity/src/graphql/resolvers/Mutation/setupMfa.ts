import type { MfaSetup } from '../../../application/mfa.ts';
import type { IdentityContext } from '../../../context.ts';

export function setupMfa(_parent: unknown, _args: unknown, context: IdentityContext): Promise<MfaSetup> {
  return context.useCases.setupMfa();
}
