import { recordEvent } from '@drobble/kit/outbox/record-event';
import type { IdentityTx, StoredRefreshToken } from '../application/ports.ts';
import { emailTaken } from '../domain/errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { isUniqueViolation, isUuid, toUser, toUserWithCredentials } from './prisma-rows.ts';

type Db = Prisma.TransactionClient;

/** Every write of a unit of work, on its transaction client (raw SQL names the "identity" schema). */
export function transactionalStore(tx: Db, onRecorded: () => void): IdentityTx {
  return {
    async createUser(user) {
      try {
        return toUser(await tx.user.create({ data: user }));
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
    },
    async createAddress(address) {
      await tx.address.create({ data: address });
    },
    async createSession(session) {
      await tx.session.create({ data: session });
    },
    async createRefreshToken(token) {
      await tx.refreshToken.create({ data: { ...token, familyId: token.sessionId } });
    },
    async findRefreshToken(tokenHash): Promise<StoredRefreshToken | null> {
      const row = await tx.refreshToken.findUnique({ where: { tokenHash }, include: { session: { include: { user: true } } } });
      if (!row) return null;
      return { id: row.id, sessionId: row.sessionId, expiresAt: row.expiresAt, usedAt: row.usedAt, sessionRevokedAt: row.session.revokedAt, user: toUser(row.session.user) };
    },
    async claimRefreshToken(id, usedAt, replacedById) {
      const { count } = await tx.refreshToken.updateMany({ where: { id, usedAt: null }, data: { usedAt, replacedById } });
      return count === 1;
    },
    async revokeSession(sessionId, reason, at) {
      const { count } = await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: at, revokedReason: reason } });
      return count === 1;
    },
    async recordEvent(subject, data, meta) {
      await recordEvent(tx, subject, data, meta);
      onRecorded();
    },
    async lockUser(id) {
      if (!isUuid(id)) return null;
      await tx.$queryRaw`SELECT id FROM "identity"."user" WHERE id = ${id}::uuid FOR UPDATE`;
      const row = await tx.user.findUnique({ where: { id } });
      return row ? toUserWithCredentials(row) : null;
    },
    async updateUser(id, changes) {
      const { mfaLastStep, ...rest } = changes;
      const data = { ...rest, ...(mfaLastStep === undefined ? {} : { mfaLastStep: mfaLastStep === null ? null : BigInt(mfaLastStep) }) };
      try {
        return toUser(await tx.user.update({ where: { id }, data }));
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken();
        throw error;
      }
    },
    async claimMfaStep(userId, step) {
      const { count } = await tx.user.updateMany({
        where: { id: userId, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: BigInt(step) } }] },
        data: { mfaLastStep: BigInt(step) },
      });
      return count === 1;
    },
    async revokeUserSessions(userId, reason, at) {
      const revoked = await tx.$queryRaw<{ id: string }[]>`UPDATE "identity"."session" SET revoked_at = ${at}, revoked_reason = ${reason}
        WHERE user_id = ${userId}::uuid AND revoked_at IS NULL RETURNING id`;
      return revoked.map((row) => row.id);
    },
    async lockActiveAdminIds() {
      const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "identity"."user"
        WHERE 'ADMIN' = ANY(roles) AND status = 'ACTIVE' AND deleted_at IS NULL ORDER BY id FOR UPDATE`;
      return rows.map((row) => row.id);
    },
    countAddresses: (userId) => tx.address.count({ where: { userId } }),
    async deleteAddress(id, userId) {
      if (!isUuid(id)) return false;
      const { count } = await tx.address.deleteMany({ where: { id, userId } });
      return count === 1;
    },
    async deleteAllAddresses(userId) {
      await tx.address.deleteMany({ where: { userId } });
    },
    async createPasswordReset(reset) {
      await tx.passwordResetToken.create({ data: reset });
    },
    async voidPasswordResets(userId, at) {
      await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: at } });
    },
    async claimPasswordReset(tokenHash, now) {
      const row = await tx.passwordResetToken.findUnique({ where: { tokenHash } });
      if (!row) return null;
      const { count } = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      return count === 1 ? row.userId : null;
    },
  };
}
