import type { User } from '../../../domain/user.ts';
import type { IdentityContext } from '../../../context.ts';

/** The signed-in user, or null for anonymous callers; UNAUTHENTICATED once the session was revoked. */
export async function me(_parent: unknown, _args: unknown, context: IdentityContext): Promise<User | null> {
  if (!context.viewer.userId) return null;
  await context.useCases.requireLiveViewer();
  return (await context.loaders.user.load(context.viewer.userId)) ?? null;
}
