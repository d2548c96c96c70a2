import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type CartPrisma = InstanceType<typeof PrismaClient>;
/** A transaction client, or the client itself for single statements. */
export type Db = CartPrisma | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;

/** The PostgreSQL schema of the cart context (raw SQL names it explicitly). */
export const CART_SCHEMA = 'cart';

/** The cart's Prisma client on its own PostgreSQL schema. */
export function createCartPrisma(connectionString: string, maxConnections?: number): CartPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema: CART_SCHEMA, maxConnections }) });
}
