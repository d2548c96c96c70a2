import { fileURLToPath } from 'node:url';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import { startOutboxRelay } from '@drobble/kit/outbox/relay';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import { createDashboardPublisher } from './application/dashboard-publisher.ts';
import { parseAnalyticsConfig } from './config.ts';
import { createAnalyticsContext } from './context.ts';
import { subscribeAnalytics } from './events/consumer.ts';
import { buildAnalyticsSchema, schemaPath } from './graphql/schema.ts';
import { createFigureQueries } from './infra/figures.ts';
import { ANALYTICS_SCHEMA, createAnalyticsPrisma, disconnectWithin } from './infra/prisma.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/analytics/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parseAnalyticsConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'analytics' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: ANALYTICS_SCHEMA, migrationsDir });
  const prisma = createAnalyticsPrisma(runtime.databaseUrl);
  const deps = { figures: createFigureQueries(prisma, ANALYTICS_SCHEMA, config.ANALYTICS_CURRENCY), currency: config.ANALYTICS_CURRENCY };
  const relay = startOutboxRelay({ prisma, bus: runtime.bus, logger });
  const publisher = createDashboardPublisher({ prisma, deps, intervalMs: config.ANALYTICS_DASHBOARD_INTERVAL_MS, logger, recorded: () => relay.nudge() });
  const stopWorkers = async () => {
    await publisher.stop();
    await relay.stop();
  };
  try {
    const subscription = await subscribeAnalytics(runtime.bus, prisma, (event) => publisher.changed(event));
    const server = await startSubgraphServer({
      name: 'analytics',
      schema: buildAnalyticsSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createAnalyticsContext(deps),
    }).catch(async (error: unknown) => {
      await subscription.stop();
      throw error;
    });
    return {
      name: 'analytics',
      url: server.url,
      stop: async () => {
        await server.stop();
        await subscription.stop();
        await stopWorkers();
        await disconnectWithin(prisma);
      },
    };
  } catch (error) {
    await stopWorkers();
    await disconnectWithin(prisma);
    throw error;
  }
}

/** The analytics subgraph: dashboard figures and sales reports from orders, payments, identity and inventory events. */
const analytics: SubgraphModule = { name: 'analytics', schemaPath, start };
export default analytics;
