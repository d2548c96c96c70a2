import { defineSubgraph } from '@drobble/kit/context-service';
import { startStockProjection } from './application/stock-projection.ts';
import { parseCatalogConfig } from './config.ts';
import { createCatalogContext } from './context.ts';
import { buildCatalogSchema, schemaPath } from './graphql/schema.ts';
import { startOutboxRelay } from './infra/outbox.ts';
import { createCatalogPrisma } from './infra/prisma.ts';
import { seedDemoData } from './seed/seed.ts';

/** The catalog subgraph: categories, products and variants. */
export default defineSubgraph({
  name: 'catalog',
  schemaPath,
  parseConfig: parseCatalogConfig,
  createPrisma: (runtime) => createCatalogPrisma(runtime.databaseUrl),
  async wire({ runtime, config, logger, prisma, resources }) {
    if (config.SEED_DEMO_DATA) await seedDemoData(prisma, logger);
    const outbox = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    resources.add('stock projection', await startStockProjection(runtime.bus, { prisma }));
    return {
      schema: buildCatalogSchema(),
      createContext: createCatalogContext({ prisma, eventsRecorded: () => outbox.nudge() }),
      // importProducts carries whole catalogs (the gateway's BODY_LIMIT_BYTES is the public cap).
      bodyLimitBytes: 16_000_000,
    };
  },
});
