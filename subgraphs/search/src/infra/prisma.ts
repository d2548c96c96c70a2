import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type SearchPrisma = InstanceType<typeof PrismaClient>;
/** A transaction client, or the client itself for single statements. */
export type Db = SearchPrisma | Prisma.TransactionClient;

export const SEARCH_SCHEMA = 'search';

/** The search subgraph's Prisma client on its own PostgreSQL schema. */
export function createSearchPrisma(connectionString: string): SearchPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema: SEARCH_SCHEMA }) });
}

/** Interactive transactions wait for each other on the embedded database; give them room. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
