import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type ReviewsPrisma = InstanceType<typeof PrismaClient>;
export type Tx = Prisma.TransactionClient;
/** A transaction client, or the client itself for single statements. */
export type Db = ReviewsPrisma | Tx;
export { Prisma };

export const REVIEWS_SCHEMA = 'reviews';

/** The reviews subgraph's Prisma client on its own PostgreSQL schema. */
export function createReviewsPrisma(connectionString: string): ReviewsPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema: REVIEWS_SCHEMA }) });
}

/** True for a unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** Interactive transactions wait for each other on the embedded database; give them room. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
