import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type OrdersPrisma = InstanceType<typeof PrismaClient>;
/** A transaction client, or the client itself for single statements. */
export type Db = OrdersPrisma | Prisma.TransactionClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

export const ORDERS_SCHEMA = 'orders';

/**
 * The orders context's Prisma client on its own PostgreSQL schema. The pool waits up to a minute for
 * a connection: on the embedded PGlite every transaction of every context queues behind the others.
 */
export function createOrdersPrisma(connectionString: string, poolSize = 5, schema = ORDERS_SCHEMA): OrdersPrisma {
  const pool = { connectionString, max: poolSize, connectionTimeoutMillis: 60_000, idleTimeoutMillis: 30_000 };
  return new PrismaClient({ adapter: new PrismaPg(pool, { schema, onPoolError: () => {} }) });
}

/** True for a unique-constraint violation (P2002), optionally on a column whose name contains `column`. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false;
  return column === undefined || JSON.stringify(error.meta ?? {}).includes(column);
}

/** Interactive transactions wait for each other on the embedded database; give them room. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
