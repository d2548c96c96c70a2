import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type CatalogPrisma = InstanceType<typeof PrismaClient>;
/** A transaction client, or the client itself for single statements. */
export type Db = CatalogPrisma | Prisma.TransactionClient;
export { Prisma };

export const CATALOG_SCHEMA = 'catalog';

/** The catalog's Prisma client on its own PostgreSQL schema. */
export function createCatalogPrisma(connectionString: string, schema = CATALOG_SCHEMA): CatalogPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema }) });
}

/** True for a unique-constraint violation (P2002), optionally on a column whose name contains `column`. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false;
  return column === undefined || JSON.stringify(error.meta ?? {}).includes(column);
}
