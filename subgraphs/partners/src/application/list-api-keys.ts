import { requireRole } from '@drobble/kit/auth/guards';
import { toApiKey } from './api-key-view.ts';
import type { Caller, PartnersDeps } from './deps.ts';

/** partnerApiKeys (ADMIN): every key, newest first, with usage. */
export async function listApiKeys(deps: PartnersDeps, caller: Caller) {
  requireRole(caller.viewer, 'ADMIN');
  const rows = await deps.prisma.partnerApiKey.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  return rows.map(toApiKey);
}

/** partnerKeyDirectory (@inaccessible; the gateway, signed as ADMIN): live keys' hashes and grants. */
export async function keyDirectory(deps: PartnersDeps, caller: Caller) {
  requireRole(caller.viewer, 'ADMIN');
  const rows = await deps.prisma.partnerApiKey.findMany({ where: { revokedAt: null }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => ({ keyId: row.id, keyHash: row.keyHash, allowedOperations: row.allowedOperations, rateLimitPerMinute: row.rateLimitPerMinute }));
}
