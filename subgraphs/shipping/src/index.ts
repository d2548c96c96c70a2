import { fileURLToPath } from 'node:url';
import type { Subscription } from '@drobble/kit/bus/event-bus';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import { startOutboxRelay, type OutboxRelay } from '@drobble/kit/outbox/relay';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import type { ShippingDeps } from './application/deps.ts';
import { createShippingContext } from './context.ts';
import { startShippingConsumers } from './events/consumers.ts';
import { buildShippingSchema, schemaPath } from './graphql/schema.ts';
import { SHIPPING_SCHEMA, createShippingPrisma, poolSizeFor } from './infra/prisma.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/shipping/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const logger = runtime.logger.child({ subgraph: 'shipping' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: SHIPPING_SCHEMA, migrationsDir });
  const prisma = createShippingPrisma(runtime.databaseUrl, poolSizeFor(runtime.env));
  let relay: OutboxRelay | undefined;
  let subscriptions: Subscription[] = [];
  try {
    const outbox = startOutboxRelay({ prisma, bus: runtime.bus, logger });
    relay = outbox;
    const deps: ShippingDeps = { prisma, logger, eventsRecorded: () => outbox.nudge() };
    subscriptions = await startShippingConsumers(runtime.bus, deps);
    const server = await startSubgraphServer({
      name: 'shipping',
      schema: buildShippingSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createShippingContext(deps),
    });
    return {
      name: 'shipping',
      url: server.url,
      stop: async () => {
        await server.stop();
        await Promise.all(subscriptions.map((subscription) => subscription.stop()));
        await outbox.stop();
        await prisma.$disconnect();
      },
    };
  } catch (error) {
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    await relay?.stop();
    await prisma.$disconnect();
    throw error;
  }
}

/** The shipping subgraph: shipments prepared on the saga's request, Order.shipment. */
const shipping: SubgraphModule = { name: 'shipping', schemaPath, start };
export default shipping;
