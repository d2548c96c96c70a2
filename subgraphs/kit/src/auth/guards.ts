import { DomainError, ErrorCode } from '../errors.ts';
import type { Role, SignedInViewer, Viewer } from './viewer.ts';

export const isSignedIn = (viewer: Viewer): viewer is SignedInViewer => viewer.userId !== null;

export const hasRole = (viewer: Viewer, ...roles: Role[]) => viewer.roles.some((role) => roles.includes(role));

/** UNAUTHENTICATED unless somebody is signed in. */
export function requireSignedIn(viewer: Viewer): SignedInViewer {
  if (!isSignedIn(viewer)) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'You must be signed in');
  return viewer;
}

/** UNAUTHENTICATED for guests, FORBIDDEN unless the viewer holds one of the roles. */
export function requireRole(viewer: Viewer, ...roles: Role[]): SignedInViewer {
  const signedIn = requireSignedIn(viewer);
  if (!hasRole(signedIn, ...roles)) throw new DomainError(ErrorCode.FORBIDDEN, 'You are not allowed to do this');
  return signedIn;
}

/** The owner of a resource, or one of the roles that may act on anyone's (e.g. ADMIN, SUPPORT). */
export function requireOwnerOrRole(viewer: Viewer, ownerId: string | null, ...roles: Role[]): SignedInViewer {
  const signedIn = requireSignedIn(viewer);
  if (ownerId !== null && signedIn.userId === ownerId) return signedIn;
  if (hasRole(signedIn, ...roles)) return signedIn;
  throw new DomainError(ErrorCode.FORBIDDEN, 'You are not allowed to do this');
}
