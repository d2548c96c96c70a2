import { hasRole } from '@drobble/kit/auth/guards';
import type { SignedInViewer } from '@drobble/kit/auth/viewer';
import { DomainError, ErrorCode } from '@drobble/kit/errors';

/**
 * Who may change a product: an ADMIN any product, a SELLER only the products it created. Returned
 * as the extra condition of the conditional UPDATE, so the check and the write are one statement.
 */
export const ownerCondition = (viewer: SignedInViewer): { createdById?: string } => (hasRole(viewer, 'ADMIN') ? {} : { createdById: viewer.userId });

/** True when `viewer` may change a product created by `createdById`. */
export const mayChange = (viewer: SignedInViewer, createdById: string | null) => hasRole(viewer, 'ADMIN') || createdById === viewer.userId;

export const notYourProduct = () => new DomainError(ErrorCode.FORBIDDEN, 'A seller may only change the products it created');
