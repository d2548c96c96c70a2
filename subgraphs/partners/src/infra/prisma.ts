import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type PartnersPrisma = InstanceType<typeof PrismaClient>;
export type Db = PartnersPrisma | Prisma.TransactionClient;
export { Prisma };

export const PARTNERS_SCHEMA = 'partners';

/** The partners' Prisma client on its own PostgreSQL schema. */
export function createPartnersPrisma(connectionString: string, schema = PARTNERS_SCHEMA): PartnersPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema }) });
}
