import type { Address } from '../domain/user.ts';
import type { IdentityStore, UserFilter } from '../application/ports.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { transactionalStore } from './prisma-identity-tx.ts';
import { isUuid, toUser, toUserWithCredentials } from './prisma-rows.ts';

/** Waits behind other transactions (PGlite runs one at a time) rather than failing under load. */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

function userWhere(filter: UserFilter): Prisma.UserWhereInput {
  const search = filter.search?.trim();
  return {
    deletedAt: null,
    ...(filter.role ? { roles: { has: filter.role } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(search
      ? { OR: [{ email: { contains: search, mode: 'insensitive' } }, { firstName: { contains: search, mode: 'insensitive' } }, { lastName: { contains: search, mode: 'insensitive' } }] }
      : {}),
  };
}

/**
 * The identity store on Prisma: each unit of work runs every query on its transaction client.
 * `onEventsCommitted` runs after a commit that recorded outbox events (to nudge the relay).
 */
export function createPrismaIdentityStore(prisma: PrismaClient, onEventsCommitted: () => void = () => {}): IdentityStore {
  return {
    async transaction(work) {
      let recorded = false;
      const result = await prisma.$transaction((tx) => work(transactionalStore(tx, () => (recorded = true))), TRANSACTION_OPTIONS);
      if (recorded) onEventsCommitted();
      return result;
    },
    async findUserByEmail(email) {
      const row = await prisma.user.findUnique({ where: { email } });
      return row ? toUserWithCredentials(row) : null;
    },
    async findUserById(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.user.findUnique({ where: { id } });
      return row ? toUserWithCredentials(row) : null;
    },
    async findUsersByIds(ids) {
      const valid = ids.filter(isUuid);
      if (valid.length === 0) return [];
      const rows = await prisma.user.findMany({ where: { id: { in: valid } } });
      return rows.map(toUser);
    },
    async findAddressesByUserIds(userIds): Promise<Address[]> {
      const valid = userIds.filter(isUuid);
      if (valid.length === 0) return [];
      return prisma.address.findMany({ where: { userId: { in: valid } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], omit: { createdAt: true } });
    },
    countUsers: () => prisma.user.count(),
    async isSessionLive(sessionId, userId) {
      if (!isUuid(sessionId) || !isUuid(userId)) return false;
      const count = await prisma.session.count({ where: { id: sessionId, userId, revokedAt: null, user: { status: 'ACTIVE', deletedAt: null } } });
      return count === 1;
    },
    async listUsers(filter, offset, limit) {
      const where = userWhere(filter);
      const [rows, total] = await prisma.$transaction([
        prisma.user.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: offset, take: limit }),
        prisma.user.count({ where }),
      ], { isolationLevel: 'RepeatableRead' });
      return { items: rows.map(toUser), total };
    },
    listSessions: (userId) =>
      prisma.session.findMany({ where: { userId }, orderBy: { createdAt: 'asc' }, select: { id: true, createdAt: true, revokedAt: true, revokedReason: true } }),
  };
}
