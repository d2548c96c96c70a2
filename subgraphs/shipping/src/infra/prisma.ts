import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type ShippingPrisma = InstanceType<typeof PrismaClient>;
export type Tx = Prisma.TransactionClient;
export type ShipmentRow = Prisma.ShipmentGetPayload<object>;
export { Prisma };

export const SHIPPING_SCHEMA = 'shipping';

/** The shipping Prisma client on its own PostgreSQL schema. */
export function createShippingPrisma(connectionString: string, maxConnections?: number): ShippingPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema: SHIPPING_SCHEMA, maxConnections }) });
}

/**
 * One connection on the embedded PGlite (no DATABASE_URL): pglite-socket can interleave the
 * extended-protocol messages of concurrent connections (see the orders section of
 * docs/architecture.md), and PGlite runs one transaction at a time anyway. Five on PostgreSQL.
 */
export const poolSizeFor = (env: NodeJS.ProcessEnv) => (env.DATABASE_URL ? 5 : 1);

/** True for a unique-constraint violation (P2002) whose target mentions `column`. */
export const isUniqueViolationOn = (error: unknown, column: string): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && JSON.stringify(error.meta ?? {}).includes(column);

export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
