import type { RequestContext } from '@drobble/kit/server/request-context';
import type { AuditPrisma } from './infra/prisma.ts';

/** What every audit resolver gets: the verified viewer and the database. */
export interface AuditContext extends RequestContext {
  deps: { prisma: AuditPrisma };
}

export function createAuditContext(deps: { prisma: AuditPrisma }) {
  return (base: RequestContext): AuditContext => ({ ...base, deps });
}
