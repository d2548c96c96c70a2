import type { EventMeta } from '@drobble/schema/events';
import type { IdentityTx } from './ports.ts';

/**
 * Revokes every live session of a user (ban, role change, password reset, account deletion) and
 * publishes identity.session.revoked for each one, so every gateway stops accepting their access
 * tokens at once instead of when they expire.
 */
export async function revokeAllSessions(tx: IdentityTx, userId: string, reason: string, meta: EventMeta): Promise<void> {
  const sessionIds = await tx.revokeUserSessions(userId, reason, meta.occurredAt ?? new Date());
  for (const sessionId of sessionIds) await tx.recordEvent('identity.session.revoked.v1', { userId, sessionId, reason }, meta);
}
