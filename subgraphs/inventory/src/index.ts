import { defineSubgraph } from '@drobble/kit/context-service';
import { startOutboxRelay } from '@drobble/kit/outbox/relay';
import type { InventoryDeps } from './application/deps.ts';
import { startExpirySweeper } from './application/expiry-sweeper.ts';
import { parseInventoryConfig } from './config.ts';
import { createInventoryContext } from './context.ts';
import { buildInventorySchema, schemaPath } from './graphql/schema.ts';
import { startConsumers } from './infra/consumers.ts';
import { createInventoryPrisma } from './infra/prisma.ts';

/** The inventory subgraph: stock per variant, adjustments, and reservations for the order saga. */
export default defineSubgraph({
  name: 'inventory',
  schemaPath,
  parseConfig: parseInventoryConfig,
  createPrisma: (runtime) => createInventoryPrisma(runtime.databaseUrl),
  async wire({ runtime, config, logger, prisma, resources }) {
    const outbox = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    const deps: InventoryDeps = {
      prisma,
      logger,
      reservationTtlMs: config.RESERVATION_TTL_SECONDS * 1_000,
      defaultLowStockThreshold: config.LOW_STOCK_THRESHOLD,
      eventsRecorded: () => outbox.nudge(),
    };
    resources.addAll('consumers', await startConsumers(runtime.bus, deps));
    resources.add('expiry sweeper', startExpirySweeper(deps, config.RESERVATION_SWEEP_INTERVAL_MS));
    return { schema: buildInventorySchema(), createContext: createInventoryContext(deps) };
  },
});
