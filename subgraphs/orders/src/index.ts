import { fileURLToPath } from 'node:url';
import type { Subscription } from '@drobble/kit/bus/event-bus';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import { startOutboxRelay, type OutboxRelay } from '@drobble/kit/outbox/relay';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import { parseOrdersConfig } from './config.ts';
import { createOrdersContext } from './context.ts';
import { buildOrdersSchema, schemaPath } from './graphql/schema.ts';
import { createOrdersPrisma, ORDERS_SCHEMA, type OrdersPrisma } from './infra/prisma.ts';
import { startConsumers } from './saga/consumers.ts';
import { startSweeper, type Sweeper } from './saga/sweeper.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/orders/migrations', import.meta.url));

/**
 * Starts orders: migrations, the outbox relay (republishes whatever a previous process committed but
 * did not publish), the durable saga consumers (they resume where the last process stopped), the
 * deadline sweeper, then the GraphQL server.
 */
async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  return startOrdersService(runtime);
}

/** start(), also handing back the service's Prisma client (tests read rows on the same pool). */
export async function startOrdersService(runtime: SubgraphRuntime): Promise<RunningService & { prisma: OrdersPrisma }> {
  const config = parseOrdersConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'orders' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: ORDERS_SCHEMA, migrationsDir });
  const prisma = createOrdersPrisma(runtime.databaseUrl, config.dbPoolSize);
  let relay: OutboxRelay | undefined;
  let sweeper: Sweeper | undefined;
  const subscriptions: Subscription[] = [];
  const stopWorkers = async () => {
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    await sweeper?.stop();
    await relay?.stop();
  };
  try {
    await runtime.bus.ensureStreams(['orders']);
    const outbox = startOutboxRelay({ prisma, bus: runtime.bus, logger });
    relay = outbox;
    const eventsRecorded = () => outbox.nudge();
    const deps = { prisma, config, bus: runtime.bus, eventsRecorded };
    subscriptions.push(...(await startConsumers({ ...deps, logger })));
    sweeper = startSweeper({ prisma, logger, intervalMs: config.sweepIntervalMs, eventsRecorded });
    const server = await startSubgraphServer({
      name: 'orders',
      schema: buildOrdersSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createOrdersContext(deps),
    });
    return {
      name: 'orders',
      url: server.url,
      prisma,
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

/** The orders subgraph: orders, checkout and the order saga. */
const orders: SubgraphModule = { name: 'orders', schemaPath, start };
export default orders;
