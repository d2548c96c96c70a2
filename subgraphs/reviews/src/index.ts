import { defineSubgraph } from '@drobble/kit/context-service';
import { startOutboxRelay } from '@drobble/kit/outbox/relay';
import { parseReviewsConfig } from './config.ts';
import { createReviewsContext } from './context.ts';
import { startReviewsConsumers } from './events/consumers.ts';
import { buildReviewsSchema, schemaPath } from './graphql/schema.ts';
import { createReviewsPrisma } from './infra/prisma.ts';

/** The reviews subgraph: reviews, moderation, ratings and verified purchases. */
export default defineSubgraph({
  name: 'reviews',
  schemaPath,
  parseConfig: parseReviewsConfig,
  createPrisma: (runtime) => createReviewsPrisma(runtime.databaseUrl),
  async wire({ runtime, config, logger, prisma, resources }) {
    const outbox = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    const eventsRecorded = () => outbox.nudge();
    resources.addAll('reviews consumers', await startReviewsConsumers(runtime.bus, { prisma, seedDemoData: config.SEED_DEMO_DATA, eventsRecorded }));
    return { schema: buildReviewsSchema(), createContext: createReviewsContext({ prisma, eventsRecorded }) };
  },
});
