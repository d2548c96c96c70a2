import { requireRole } from '@drobble/kit/auth/guards';
import { notFound } from '@drobble/kit/errors';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import { toApiKey } from './api-key-view.ts';
import { TX_OPTIONS, eventMeta, type Caller, type PartnersDeps } from './deps.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * revokePartnerApiKey (ADMIN): marks the key revoked and publishes the revocation once (a
 * conditional update, so two concurrent revocations publish one event). Idempotent.
 */
export async function revokeApiKey(deps: PartnersDeps, caller: Caller, id: string) {
  requireRole(caller.viewer, 'ADMIN');
  if (!UUID.test(id)) throw notFound('Partner API key');
  const { row, revokedNow } = await deps.prisma.$transaction(async (tx) => {
    const changed = await tx.partnerApiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const current = await tx.partnerApiKey.findUnique({ where: { id } });
    if (!current) throw notFound('Partner API key');
    if (changed.count === 1) await recordEvent(tx, 'partners.api_key.revoked.v1', { keyId: id, keyHash: current.keyHash }, eventMeta(caller));
    return { row: current, revokedNow: changed.count === 1 };
  }, TX_OPTIONS);
  if (revokedNow) deps.eventsRecorded?.();
  return toApiKey(row);
}
