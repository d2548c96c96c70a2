import { fileURLToPath } from 'node:url';
import type { Subscription } from '@drobble/kit/bus/event-bus';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import { startOutboxRelay, type OutboxRelay } from '@drobble/kit/outbox/relay';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import { parseReviewsConfig } from './config.ts';
import { createReviewsContext } from './context.ts';
import { startReviewsConsumers } from './events/consumers.ts';
import { buildReviewsSchema, schemaPath } from './graphql/schema.ts';
import { REVIEWS_SCHEMA, createReviewsPrisma } from './infra/prisma.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/reviews/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parseReviewsConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'reviews' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: REVIEWS_SCHEMA, migrationsDir });
  const prisma = createReviewsPrisma(runtime.databaseUrl);
  let relay: OutboxRelay | undefined;
  let subscriptions: Subscription[] = [];
  const stopWork = async () => {
    for (const subscription of subscriptions) await subscription.stop();
    await relay?.stop();
    await prisma.$disconnect();
  };
  try {
    const outbox = startOutboxRelay({ prisma, bus: runtime.bus, logger });
    relay = outbox;
    const eventsRecorded = () => outbox.nudge();
    subscriptions = await startReviewsConsumers(runtime.bus, { prisma, seedDemoData: config.SEED_DEMO_DATA, eventsRecorded });
    const server = await startSubgraphServer({
      name: 'reviews',
      schema: buildReviewsSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createReviewsContext({ prisma, eventsRecorded }),
    });
    return {
      name: 'reviews',
      url: server.url,
      stop: async () => {
        await server.stop();
        await stopWork();
      },
    };
  } catch (error) {
    await stopWork();
    throw error;
  }
}

/** The reviews subgraph: reviews, moderation, ratings and verified purchases. */
const reviews: SubgraphModule = { name: 'reviews', schemaPath, start };
export default reviews;
