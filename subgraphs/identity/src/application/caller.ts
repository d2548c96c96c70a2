import { requireSignedIn } from '@drobble/kit/auth/guards';
import type { SignedInViewer, Viewer } from '@drobble/kit/auth/viewer';
import type { EventMeta } from '@drobble/schema/events';
import { sessionEnded } from '../domain/errors.ts';
import type { IdentityDeps } from './ports.ts';

/** Who is calling a use case: the verified viewer, its address (from the gateway) and the event metadata. */
export interface Caller {
  viewer: Viewer;
  clientAddress: string | null;
  meta: EventMeta;
}

/**
 * The signed-in viewer, after checking that their session is still live and the account active.
 * Access tokens are stateless for the rest of the platform (valid until they expire, 15 minutes
 * at most); identity's own operations refuse at once a session that was revoked (logout, ban,
 * role change, password reset, deletion). UNAUTHENTICATED otherwise.
 */
export async function requireLiveViewer(deps: IdentityDeps, caller: Caller): Promise<SignedInViewer> {
  const viewer = requireSignedIn(caller.viewer);
  if (!viewer.sessionId || !(await deps.store.isSessionLive(viewer.sessionId, viewer.userId))) throw sessionEnded();
  return viewer;
}

/** Event metadata whose actor is the given user (e.g. the one who just signed in). */
export const actingAs = (meta: EventMeta, user: { id: string; roles: readonly string[] }, occurredAt: Date): EventMeta => ({
  ...meta,
  actor: { userId: user.id, roles: [...user.roles] },
  occurredAt,
});
