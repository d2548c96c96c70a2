import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type AuditPrisma = InstanceType<typeof PrismaClient>;
export { Prisma };

export const AUDIT_SCHEMA = 'audit';

/** The audit context's Prisma client on its own PostgreSQL schema. */
export function createAuditPrisma(connectionString: string, schema = AUDIT_SCHEMA, maxConnections?: number): AuditPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema, maxConnections }) });
}
