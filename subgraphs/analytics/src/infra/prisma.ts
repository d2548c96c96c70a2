import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type AnalyticsPrisma = InstanceType<typeof PrismaClient>;
export type Tx = Prisma.TransactionClient;
export { Prisma };

export const ANALYTICS_SCHEMA = 'analytics';

/** The analytics context's Prisma client on its own PostgreSQL schema. */
export function createAnalyticsPrisma(connectionString: string, schema = ANALYTICS_SCHEMA, maxConnections?: number): AnalyticsPrisma {
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
