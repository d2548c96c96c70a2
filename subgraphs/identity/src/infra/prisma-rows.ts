import type { User, UserWithCredentials } from '../domain/user.ts';
import { Prisma } from '../generated/prisma/client.ts';

type UserRow = Prisma.UserModel;

/** The row without any secret: what leaves the store for everything but credential checks. */
export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  firstName: row.firstName,
  lastName: row.lastName,
  roles: row.roles,
  status: row.status,
  mfaEnabled: row.mfaEnabled,
  bannedAt: row.bannedAt,
  bannedReason: row.bannedReason,
  deletedAt: row.deletedAt,
  passwordChangedAt: row.passwordChangedAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export const toUserWithCredentials = (row: UserRow): UserWithCredentials => ({
  ...toUser(row),
  passwordHash: row.passwordHash,
  mfaSecret: row.mfaSecret,
  mfaPendingSecret: row.mfaPendingSecret,
  mfaLastStep: row.mfaLastStep === null ? null : Number(row.mfaLastStep),
});

/** Ids come from other subgraphs' references and from clients; a malformed one must not reach a uuid column. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

export const isUniqueViolation = (error: unknown): boolean => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
