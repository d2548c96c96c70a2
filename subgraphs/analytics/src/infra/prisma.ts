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
