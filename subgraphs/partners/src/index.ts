import { defineSubgraph } from '@drobble/kit/context-service';
import { startOutboxRelay } from '@drobble/kit/outbox/relay';
import { startUsageProjection } from './application/usage-projection.ts';
import { parsePartnersConfig, readKnownOperations } from './config.ts';
import { createPartnersContext } from './context.ts';
import { buildPartnersSchema, schemaPath } from './graphql/schema.ts';
import { createPartnersPrisma } from './infra/prisma.ts';

/** The partners subgraph: partner API keys (hashed), their grants and usage. */
export default defineSubgraph({
  name: 'partners',
  schemaPath,
  parseConfig: parsePartnersConfig,
  createPrisma: (runtime) => createPartnersPrisma(runtime.databaseUrl),
  async wire({ runtime, config, logger, prisma, resources }) {
    const outbox = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    const deps = { prisma, knownOperations: readKnownOperations(config.PERSISTED_DOCUMENTS_PATH), eventsRecorded: () => outbox.nudge() };
    resources.add('usage projection', await startUsageProjection(runtime.bus, deps));
    return { schema: buildPartnersSchema(), createContext: createPartnersContext(deps) };
  },
});
