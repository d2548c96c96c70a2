import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type InventoryPrisma = InstanceType<typeof PrismaClient>;
/** A transaction client, or the client itself for single statements. */
export type Db = InventoryPrisma | Prisma.TransactionClient;
export { Prisma };

export const INVENTORY_SCHEMA = 'inventory';

/** The inventory's Prisma client on its own PostgreSQL schema; `log` enables query events (query counting in tests). */
export function createInventoryPrisma(connectionString: string, options: { logQueries?: boolean } = {}): InventoryPrisma {
  const adapter = createPrismaAdapter({ connectionString, schema: INVENTORY_SCHEMA });
  return new PrismaClient(options.logQueries ? { adapter, log: [{ emit: 'event', level: 'query' }] } : { adapter });
}
