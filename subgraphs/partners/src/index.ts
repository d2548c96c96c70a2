import { fileURLToPath } from 'node:url';
import type { Subscription } from '@drobble/kit/bus/event-bus';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import { startOutboxRelay, type OutboxRelay } from '@drobble/kit/outbox/relay';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import { startUsageProjection } from './application/usage-projection.ts';
import { parsePartnersConfig, readKnownOperations } from './config.ts';
import { createPartnersContext } from './context.ts';
import { buildPartnersSchema, schemaPath } from './graphql/schema.ts';
import { PARTNERS_SCHEMA, createPartnersPrisma } from './infra/prisma.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/partners/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parsePartnersConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'partners' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: PARTNERS_SCHEMA, migrationsDir });
  const prisma = createPartnersPrisma(runtime.databaseUrl);
  let relay: OutboxRelay | undefined;
  let usage: Subscription | undefined;
  try {
    relay = startOutboxRelay({ prisma, bus: runtime.bus, logger });
    const outbox = relay;
    const deps = { prisma, knownOperations: readKnownOperations(config.PERSISTED_DOCUMENTS_PATH), eventsRecorded: () => outbox.nudge() };
    usage = await startUsageProjection(runtime.bus, deps);
    const server = await startSubgraphServer({
      name: 'partners',
      schema: buildPartnersSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createPartnersContext(deps),
    });
    return {
      name: 'partners',
      url: server.url,
      stop: async () => {
        await server.stop();
        await usage?.stop();
        await outbox.stop();
        await prisma.$disconnect();
      },
    };
  } catch (error) {
    await usage?.stop();
    await relay?.stop();
    await prisma.$disconnect();
    throw error;
  }
}

/** The partners subgraph: partner API keys (hashed), their grants and usage. */
const partners: SubgraphModule = { name: 'partners', schemaPath, start };
export default partners;
