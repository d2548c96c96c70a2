import type { KeyObject } from 'node:crypto';
import type { Role } from '@drobble/kit/auth/viewer';
import type { EventMeta, PayloadOf, Subject } from '@drobble/schema/events';
import type { RateLimit } from '@drobble/kit/rate-limit/rate-limit';
import type { UserStatus } from '../domain/user.ts';
import type { Address, User, UserWithCredentials } from '../domain/user.ts';

/** Identity's event subjects (payload schemas live in @drobble/schema/events). */
export type IdentitySubject = Extract<Subject, `identity.${string}`>;

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  roles: Role[];
}

export type NewAddress = Address;

export interface NewRefreshToken {
  id: string;
  sessionId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** A stored refresh token with what rotation needs to decide. */
export interface StoredRefreshToken {
  id: string;
  sessionId: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
  user: User;
}

/** Everything a use case does inside one database transaction; the outbox row commits with it. */
export interface IdentityTx {
  /** Throws CONFLICT (field email) when the email is taken, including a lost race. */
  createUser(user: NewUser): Promise<User>;
  createAddress(address: NewAddress): Promise<void>;
  createSession(session: { id: string; userId: string; createdAt: Date }): Promise<void>;
  createRefreshToken(token: NewRefreshToken): Promise<void>;
  findRefreshToken(tokenHash: string): Promise<StoredRefreshToken | null>;
  /** Marks the token used and replaced, only if nobody else did first. True when this call won. */
  claimRefreshToken(id: string, usedAt: Date, replacedById: string): Promise<boolean>;
  /** Revokes a session unless already revoked. True when this call revoked it. */
  revokeSession(sessionId: string, reason: string, at: Date): Promise<boolean>;
  recordEvent<S extends IdentitySubject>(subject: S, data: PayloadOf<S>, meta: EventMeta): Promise<void>;
  /** Reads and row-locks a user until the transaction ends (serialises changes to one account). */
  lockUser(id: string): Promise<UserWithCredentials | null>;
  updateUser(id: string, changes: UserChanges): Promise<User>;
  /** Records `step` as the last accepted TOTP step, only if it is later than the stored one. True when this call won. */
  claimMfaStep(userId: string, step: number): Promise<boolean>;
  /** Revokes every live session of the user; returns their ids. */
  revokeUserSessions(userId: string, reason: string, at: Date): Promise<string[]>;
  /** Ids of active (not banned, not deleted) ADMINs, row-locked so concurrent demotions serialise. */
  lockActiveAdminIds(): Promise<string[]>;
  countAddresses(userId: string): Promise<number>;
  /** Deletes the address only if it belongs to the user. True when deleted. */
  deleteAddress(id: string, userId: string): Promise<boolean>;
  deleteAllAddresses(userId: string): Promise<void>;
  createPasswordReset(reset: { id: string; userId: string; tokenHash: string; expiresAt: Date }): Promise<void>;
  /** Marks every unused reset token of the user used (a new request, or a completed reset, voids older links). */
  voidPasswordResets(userId: string, at: Date): Promise<void>;
  /** Marks an unused, unexpired token used and returns its user id; null when it is not such a token (or lost a race). */
  claimPasswordReset(tokenHash: string, now: Date): Promise<string | null>;
}

/** Fields a use case may change on a user. */
export interface UserChanges {
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  roles?: Role[];
  status?: UserStatus;
  bannedAt?: Date | null;
  bannedReason?: string | null;
  deletedAt?: Date;
  passwordHash?: string;
  passwordChangedAt?: Date;
  mfaEnabled?: boolean;
  mfaSecret?: string | null;
  mfaPendingSecret?: string | null;
  mfaLastStep?: number | null;
}

export interface UserFilter {
  search?: string | null;
  role?: Role | null;
  status?: UserStatus | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** A session as the user's data export shows it. */
export interface SessionRecord {
  id: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

/** The identity context's persistence port (implemented with Prisma in src/infra). */
export interface IdentityStore {
  transaction<T>(work: (tx: IdentityTx) => Promise<T>): Promise<T>;
  findUserByEmail(email: string): Promise<UserWithCredentials | null>;
  /** One query for many ids; unknown ids are simply absent. */
  findUsersByIds(ids: readonly string[]): Promise<User[]>;
  /** One query for many users' addresses, oldest first. */
  findAddressesByUserIds(userIds: readonly string[]): Promise<Address[]>;
  countUsers(): Promise<number>;
  findUserById(id: string): Promise<UserWithCredentials | null>;
  /** True when the session exists, is not revoked, belongs to the user and the user is active. */
  isSessionLive(sessionId: string, userId: string): Promise<boolean>;
  /** Not deleted users matching the filter, newest first; `total` counts every match. */
  listUsers(filter: UserFilter, offset: number, limit: number): Promise<Page<User>>;
  listSessions(userId: string): Promise<SessionRecord[]>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Verifies against a fixed dummy hash (always false), so unknown emails cost as much as known ones. */
  verifyDummy(password: string): Promise<boolean>;
}

export interface TokenSettings {
  accessTokenPrivateKey: KeyObject;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

/** Encrypts secrets that must be read back (TOTP secrets) before they are stored. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Identity's abuse limits (see rate-limits.ts for the defaults). */
export interface IdentityLimits {
  /** Failed sign-ins (wrong password or MFA code) per account (normalised email). */
  loginFailuresPerAccount: RateLimit;
  /** Failed sign-ins per client address. */
  loginFailuresPerAddress: RateLimit;
  registrationsPerAddress: RateLimit;
  passwordResetsPerAccount: RateLimit;
  passwordResetsPerAddress: RateLimit;
  /** Wrong codes in confirmMfa/disableMfa per user. */
  mfaFailuresPerUser: RateLimit;
}

/** What the use cases are built from. */
export interface IdentityDeps {
  store: IdentityStore;
  hasher: PasswordHasher;
  commonPasswords: ReadonlySet<string>;
  tokens: TokenSettings;
  secrets: SecretBox;
  limits: IdentityLimits;
  /** How long a password reset token stays valid. */
  passwordResetTtlSeconds: number;
  clock: () => Date;
}

/** The GraphQL AuthPayload, as use cases return it. */
export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  user: User;
}
