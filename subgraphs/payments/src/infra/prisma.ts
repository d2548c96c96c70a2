import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type PaymentsPrisma = InstanceType<typeof PrismaClient>;
export type Tx = Prisma.TransactionClient;
export { Prisma };

export const PAYMENTS_SCHEMA = 'payments';

/** The payments Prisma client on its own PostgreSQL schema. */
export function createPaymentsPrisma(connectionString: string, maxConnections?: number): PaymentsPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema: PAYMENTS_SCHEMA, maxConnections }) });
}

/**
 * One connection on the embedded PGlite (no DATABASE_URL): pglite-socket can interleave the
 * extended-protocol messages of concurrent connections (see the orders section of
 * docs/architecture.md), and PGlite runs one transaction at a time anyway. Five on PostgreSQL.
 */
export const poolSizeFor = (env: NodeJS.ProcessEnv) => (env.DATABASE_URL ? 5 : 1);

/** True for a unique-constraint violation (P2002). */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** Interactive transactions wait for each other on the embedded database, and some call a provider: give them room. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
