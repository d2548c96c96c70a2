import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type AuditPrisma = InstanceType<typeof PrismaClient>;
export { Prisma };

export const AUDIT_SCHEMA = 'audit';

/** The audit context's Prisma client on its own PostgreSQL schema. */
export function createAuditPrisma(connectionString: string, schema = AUDIT_SCHEMA, maxConnections?: number): AuditPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema, maxConnections }) });
}

/**
 * Closes the pool, waiting at most `ms`: on the embedded PGlite a connection can be left waiting
 * for an answer that never comes (its messages interleaved with another connection's), and a
 * shutdown must not hang on it.
 */
export async function disconnectWithin(prisma: { $disconnect(): Promise<void> }, ms = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([prisma.$disconnect(), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
