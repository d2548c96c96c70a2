import { DomainError, ErrorCode } from '@drobble/kit/errors';

/** The one message for every failed login, so a response never tells whether an email is registered. */
export const INVALID_CREDENTIALS_MESSAGE = 'Invalid email or password';

export const invalidCredentials = () => new DomainError(ErrorCode.UNAUTHENTICATED, INVALID_CREDENTIALS_MESSAGE);
export const accountSuspended = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'This account has been suspended');
export const mfaRequired = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'A valid MFA code is required', { extensions: { mfaRequired: true } });
export const invalidRefreshToken = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'Refresh token is invalid or expired; sign in again');
export const emailTaken = () => new DomainError(ErrorCode.CONFLICT, 'An account with this email already exists', { field: 'email' });
export const sessionEnded = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'Your session has ended; sign in again');
export const invalidMfaCode = (field = 'code') => new DomainError(ErrorCode.BAD_USER_INPUT, 'The code is not valid (or was already used)', { field });
export const invalidResetToken = () => new DomainError(ErrorCode.BAD_USER_INPUT, 'The password reset link is invalid or has expired; ask for a new one', { field: 'token' });
export const userNotFound = () => new DomainError(ErrorCode.NOT_FOUND, 'User not found');
