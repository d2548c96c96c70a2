import { z } from 'zod';
import { id } from './envelope.ts';

/**
 * Identity events. Payloads never carry secrets: no password hashes, session or refresh tokens,
 * MFA secrets or recovery codes. `createEvent` refuses fields a schema does not list, so an extra
 * field (say, `passwordHash`) fails at the publisher.
 *
 * The ONE exception is `identity.password_reset.requested.v1`, whose `token` is the raw single-use
 * reset token: the notifications context must email it and there is no other channel between the
 * two contexts. Its only intended consumer is notifications; everyone else (audit, analytics,
 * loggers) must drop the fields listed in `secretFields` before storing or logging an event.
 * The token is worth little once delivered: single use, 30 minutes, only its sha256 is stored.
 */

/** The contract's Role enum. */
export const role = z.enum(['CUSTOMER', 'ADMIN', 'SELLER', 'SUPPORT']);

/** A stable, upper-snake reason code, e.g. INVALID_CREDENTIALS, USER_BANNED, MFA_INVALID, RATE_LIMITED. */
const reasonCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected an UPPER_SNAKE reason code').max(64);

/** Client IP (v4 or v6) as seen by the gateway, when known. */
const clientAddress = z.string().min(1).max(64);

export const userRegisteredV1 = z.object({
  userId: id(),
  email: z.email(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  roles: z.array(role),
});

export const userLoggedInV1 = z.object({
  userId: id(),
  sessionId: id(),
  mfa: z.boolean(),
  clientAddress: clientAddress.optional(),
});

export const loginFailedV1 = z.object({
  email: z.string().min(1).max(320),
  reason: reasonCode,
  clientAddress: clientAddress.optional(),
});

/** A session ended: LOGOUT, USER_BANNED, ROLES_CHANGED, PASSWORD_RESET, ACCOUNT_DELETED, or REFRESH_TOKEN_REUSE (a security event: a rotated refresh token was presented again, so the whole family was revoked). */
export const sessionRevokedV1 = z.object({
  userId: id(),
  sessionId: id(),
  reason: reasonCode,
});

/** An admin replaced a user's roles; the user's sessions are revoked (they must sign in again). */
export const userRolesChangedV1 = z.object({
  userId: id(),
  roles: z.array(role),
  previousRoles: z.array(role),
  /** The admin who changed them. */
  changedBy: id(),
});

/** An admin suspended the account; every session of the user is revoked. */
export const userBannedV1 = z.object({
  userId: id(),
  /** The admin's stated reason (free text, shown to staff only). */
  reason: z.string().min(1).max(500),
  bannedBy: id(),
});

export const userUnbannedV1 = z.object({
  userId: id(),
  unbannedBy: id(),
});

/**
 * Someone asked to reset the password of an existing, active account (nothing is published for
 * unknown emails). SECRET-BEARING: `token` is the raw single-use reset token for the email link
 * (see the note at the top); never log it, never store it outside the email.
 */
export const passwordResetRequestedV1 = z.object({
  userId: id(),
  email: z.email(),
  /** For the greeting of the email. */
  firstName: z.string().nullable(),
  /** Raw single-use token (43 base64url characters); the reset link carries it. */
  token: z.string().min(20).max(128),
  /** ISO-8601 UTC; the token is refused after this instant (30 minutes after the request). */
  expiresAt: z.iso.datetime({ offset: false }),
});

/** The password was changed with a reset token; every session of the user was revoked. */
export const passwordResetCompletedV1 = z.object({
  userId: id(),
  email: z.email(),
});

/**
 * The user deleted their account: personal data in identity is anonymised and sessions revoked.
 * Other contexts erase or anonymise what they hold about the user (keeping financial records).
 */
export const userDeletedV1 = z.object({
  userId: id(),
});

/** Subject -> payload schema for the identity context. */
export const identityEvents = {
  'identity.user.registered.v1': userRegisteredV1,
  'identity.user.logged_in.v1': userLoggedInV1,
  'identity.login.failed.v1': loginFailedV1,
  'identity.session.revoked.v1': sessionRevokedV1,
  'identity.user.roles_changed.v1': userRolesChangedV1,
  'identity.user.banned.v1': userBannedV1,
  'identity.user.unbanned.v1': userUnbannedV1,
  'identity.password_reset.requested.v1': passwordResetRequestedV1,
  'identity.password_reset.completed.v1': passwordResetCompletedV1,
  'identity.user.deleted.v1': userDeletedV1,
} as const;

/**
 * Payload fields that carry a secret, per subject: consumers other than notifications must remove
 * them before storing or logging an event (e.g. audit keeps `token: "[redacted]"`).
 */
export const secretFields: Readonly<Partial<Record<keyof typeof identityEvents, readonly string[]>>> = {
  'identity.password_reset.requested.v1': ['token'],
};
