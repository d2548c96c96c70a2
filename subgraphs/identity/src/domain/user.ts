import { badInput } from '@drobble/kit/errors';
import type { Role } from '@drobble/kit/auth/viewer';

export type UserStatus = 'ACTIVE' | 'BANNED';

/** A user as the application and GraphQL layers see it (no password hash). */
export interface User {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  roles: Role[];
  status: UserStatus;
  mfaEnabled: boolean;
  bannedAt: Date | null;
  bannedReason: string | null;
  /** Set once the account was deleted (anonymised); such a user can never sign in again. */
  deletedAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A user together with the stored secrets, only for credential checks (never leaves the application layer). */
export interface UserWithCredentials extends User {
  passwordHash: string;
  /** Encrypted TOTP secret while MFA is enabled. */
  mfaSecret: string | null;
  /** Encrypted TOTP secret of an enrolment not yet confirmed. */
  mfaPendingSecret: string | null;
  mfaLastStep: number | null;
}

export interface Address {
  id: string;
  userId: string;
  fullName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
}

export const DEFAULT_ROLES: Role[] = ['CUSTOMER'];

const MAX_NAME_LENGTH = 100;

/** Trims an optional name (empty becomes null); BAD_USER_INPUT on the given field when too long. */
export function parseName(field: string, raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (value.length === 0) return null;
  if (value.length > MAX_NAME_LENGTH) throw badInput(field, `${field} must be at most ${MAX_NAME_LENGTH} characters long`);
  return value;
}

export const stripCredentials = ({ passwordHash: _hash, mfaSecret: _secret, mfaPendingSecret: _pending, mfaLastStep: _step, ...user }: UserWithCredentials): User => user;

/** Whether the account may sign in, refresh or act at all. */
export const isActive = (user: Pick<User, 'status' | 'deletedAt'>): boolean => user.status === 'ACTIVE' && user.deletedAt === null;
