import { fileURLToPath } from 'node:url';
import type { Subscription } from '@drobble/kit/bus/event-bus';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import { startOutboxRelay, type OutboxRelay } from '@drobble/kit/outbox/relay';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import type { InventoryDeps } from './application/deps.ts';
import { startExpirySweeper, type Sweeper } from './application/expiry-sweeper.ts';
import { parseInventoryConfig } from './config.ts';
import { createInventoryContext } from './context.ts';
import { buildInventorySchema, schemaPath } from './graphql/schema.ts';
import { startConsumers } from './infra/consumers.ts';
import { createInventoryPrisma, INVENTORY_SCHEMA } from './infra/prisma.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/inventory/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parseInventoryConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'inventory' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: INVENTORY_SCHEMA, migrationsDir });
  const prisma = createInventoryPrisma(runtime.databaseUrl);
  let relay: OutboxRelay | undefined;
  let sweeper: Sweeper | undefined;
  let consumers: Subscription[] = [];
  const stopWorkers = async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await sweeper?.stop();
    await relay?.stop();
  };
  try {
    relay = startOutboxRelay({ prisma, bus: runtime.bus, logger });
    const outbox = relay;
    const deps: InventoryDeps = {
      prisma,
      logger,
      reservationTtlMs: config.RESERVATION_TTL_SECONDS * 1_000,
      defaultLowStockThreshold: config.LOW_STOCK_THRESHOLD,
      eventsRecorded: () => outbox.nudge(),
    };
    consumers = await startConsumers(runtime.bus, deps);
    sweeper = startExpirySweeper(deps, config.RESERVATION_SWEEP_INTERVAL_MS);
    const server = await startSubgraphServer({
      name: 'inventory',
      schema: buildInventorySchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createInventoryContext(deps),
    });
    return {
      name: 'inventory',
      url: server.url,
      stop: async () => {
        await server.stop();
        await stopWorkers();
        await prisma.$disconnect();
      },
    };
  } catch (error) {
    await stopWorkers();
    await prisma.$disconnect();
    throw error;
  }
}

/** The inventory subgraph: stock per variant, adjustments, and reservations for the order saga. */
const inventory: SubgraphModule = { name: 'inventory', schemaPath, start };
export default inventory;
