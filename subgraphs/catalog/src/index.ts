import { fileURLToPath } from 'node:url';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import { parseCatalogConfig } from './config.ts';
import { createCatalogContext } from './context.ts';
import { buildCatalogSchema, schemaPath } from './graphql/schema.ts';
import type { Subscription } from '@drobble/kit/bus/event-bus';
import { startStockProjection } from './application/stock-projection.ts';
import { startOutboxRelay, type OutboxRelay } from './infra/outbox.ts';
import { CATALOG_SCHEMA, createCatalogPrisma } from './infra/prisma.ts';
import { seedDemoData } from './seed/seed.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/catalog/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parseCatalogConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'catalog' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: CATALOG_SCHEMA, migrationsDir });
  const prisma = createCatalogPrisma(runtime.databaseUrl);
  let relay: OutboxRelay | undefined;
  let projection: Subscription | undefined;
  try {
    if (config.SEED_DEMO_DATA) await seedDemoData(prisma, logger);
    const outbox = startOutboxRelay({ prisma, bus: runtime.bus, logger });
    relay = outbox;
    projection = await startStockProjection(runtime.bus, { prisma });
    const server = await startSubgraphServer({
      name: 'catalog',
      schema: buildCatalogSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      // importProducts carries whole catalogs (the gateway's BODY_LIMIT_BYTES is the public cap).
      bodyLimitBytes: 16_000_000,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createCatalogContext({ prisma, eventsRecorded: () => outbox.nudge() }),
    });
    return {
      name: 'catalog',
      url: server.url,
      stop: async () => {
        await server.stop();
        await projection?.stop();
        await outbox.stop();
        await prisma.$disconnect();
      },
    };
  } catch (error) {
    await projection?.stop();
    await relay?.stop();
    await prisma.$disconnect();
    throw error;
  }
}

/** The catalog subgraph: categories, products and variants. */
const catalog: SubgraphModule = { name: 'catalog', schemaPath, start };
export default catalog;
