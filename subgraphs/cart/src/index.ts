import { fileURLToPath } from 'node:url';
import type { Subscription } from '@drobble/kit/bus/event-bus';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import type { CartDeps } from './application/deps.ts';
import { expireGuestCarts } from './application/expire-guest-carts.ts';
import { parseCartConfig } from './config.ts';
import { createCartContext } from './context.ts';
import { startCartConsumers } from './events/consumers.ts';
import { buildCartSchema, schemaPath } from './graphql/schema.ts';
import { startOutboxRelay, type OutboxRelay } from './infra/outbox.ts';
import { CART_SCHEMA, createCartPrisma } from './infra/prisma.ts';
import { startSweeper, type Sweeper } from './infra/sweeper.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/cart/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parseCartConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'cart' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: CART_SCHEMA, migrationsDir });
  const prisma = createCartPrisma(runtime.databaseUrl, config.CART_DB_MAX_CONNECTIONS);
  let relay: OutboxRelay | undefined;
  let sweeper: Sweeper | undefined;
  let consumers: Subscription[] = [];
  const stopWorkers = async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await sweeper?.stop();
    await relay?.stop();
  };
  try {
    const outbox = startOutboxRelay({ prisma, bus: runtime.bus, logger });
    relay = outbox;
    const deps: CartDeps = {
      prisma,
      guestTtlMs: config.CART_GUEST_TTL_SECONDS * 1_000,
      defaultCurrency: config.CART_DEFAULT_CURRENCY,
      now: () => new Date(),
      eventsRecorded: () => outbox.nudge(),
    };
    consumers = await startCartConsumers(runtime.bus, deps);
    sweeper = startSweeper(() => expireGuestCarts(deps), config.CART_SWEEP_INTERVAL_MS, logger);
    const server = await startSubgraphServer({
      name: 'cart',
      schema: buildCartSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createCartContext(deps),
    });
    return {
      name: 'cart',
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

/** The cart subgraph: guest and user carts, wishlists, and the catalog/inventory projections they check against. */
const cart: SubgraphModule = { name: 'cart', schemaPath, start };
export default cart;
