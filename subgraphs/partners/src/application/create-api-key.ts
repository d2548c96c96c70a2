import { randomUUID } from 'node:crypto';
import { requireRole } from '@drobble/kit/auth/guards';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import { generateKey, validateKeyInput, type KeyInput } from '../domain/api-key.ts';
import { toApiKey } from './api-key-view.ts';
import { TX_OPTIONS, eventMeta, type Caller, type PartnersDeps } from './deps.ts';

/** createPartnerApiKey (ADMIN): stores the hash and publishes the grant; the plaintext key is returned once. */
export async function createApiKey(deps: PartnersDeps, caller: Caller, input: KeyInput) {
  const admin = requireRole(caller.viewer, 'ADMIN');
  const valid = validateKeyInput(input, deps.knownOperations);
  const fresh = generateKey();
  const row = await deps.prisma.$transaction(async (tx) => {
    const created = await tx.partnerApiKey.create({
      data: { id: randomUUID(), name: valid.name, keyHash: fresh.hash, prefix: fresh.prefix, allowedOperations: valid.allowedOperations, rateLimitPerMinute: valid.rateLimitPerMinute, createdBy: admin.userId },
    });
    const grant = { keyId: created.id, name: created.name, keyHash: created.keyHash, allowedOperations: created.allowedOperations, rateLimitPerMinute: created.rateLimitPerMinute };
    await recordEvent(tx, 'partners.api_key.created.v1', grant, eventMeta(caller));
    return created;
  }, TX_OPTIONS);
  deps.eventsRecorded?.();
  return { key: fresh.key, apiKey: toApiKey(row) };
}
