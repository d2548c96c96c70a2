import { fileURLToPath } from 'node:url';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import { createAuditContext } from './context.ts';
import { subscribeAuditLog } from './events/audit-consumer.ts';
import { buildAuditSchema, schemaPath } from './graphql/schema.ts';
import { AUDIT_SCHEMA, createAuditPrisma, disconnectWithin } from './infra/prisma.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/audit/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const logger = runtime.logger.child({ subgraph: 'audit' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: AUDIT_SCHEMA, migrationsDir });
  const prisma = createAuditPrisma(runtime.databaseUrl);
  try {
    const subscription = await subscribeAuditLog(runtime.bus, prisma, logger);
    const server = await startSubgraphServer({
      name: 'audit',
      schema: buildAuditSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createAuditContext({ prisma }),
    }).catch(async (error: unknown) => {
      await subscription.stop();
      throw error;
    });
    return {
      name: 'audit',
      url: server.url,
      stop: async () => {
        await server.stop();
        await subscription.stop();
        await disconnectWithin(prisma);
      },
    };
  } catch (error) {
    await disconnectWithin(prisma);
    throw error;
  }
}

/** The audit subgraph: an append-only log of every event on every stream. */
const audit: SubgraphModule = { name: 'audit', schemaPath, start };
export default audit;
