import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type NotificationsPrisma = InstanceType<typeof PrismaClient>;
export type Tx = Prisma.TransactionClient;
export { Prisma };

export const NOTIFICATIONS_SCHEMA = 'notifications';

/** The notifications context's Prisma client on its own PostgreSQL schema. */
export function createNotificationsPrisma(connectionString: string, schema = NOTIFICATIONS_SCHEMA, maxConnections?: number): NotificationsPrisma {
  return new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema, maxConnections }) });
}
