import { defineSubgraph } from '@drobble/kit/context-service';
import { startOutboxRelay } from '@drobble/kit/outbox/relay';
import { createDashboardPublisher } from './application/dashboard-publisher.ts';
import { parseAnalyticsConfig } from './config.ts';
import { createAnalyticsContext } from './context.ts';
import { subscribeAnalytics } from './events/consumer.ts';
import { buildAnalyticsSchema, schemaPath } from './graphql/schema.ts';
import { createFigureQueries } from './infra/figures.ts';
import { ANALYTICS_SCHEMA, createAnalyticsPrisma } from './infra/prisma.ts';

/** The analytics subgraph: dashboard figures and sales reports from orders, payments, identity and inventory events. */
export default defineSubgraph({
  name: 'analytics',
  schemaPath,
  createPrisma: (runtime) => createAnalyticsPrisma(runtime.databaseUrl),
  parseConfig: parseAnalyticsConfig,
  async wire({ runtime, config, logger, prisma, resources }) {
    const deps = { figures: createFigureQueries(prisma, ANALYTICS_SCHEMA, config.ANALYTICS_CURRENCY), currency: config.ANALYTICS_CURRENCY };
    const relay = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    const publisher = resources.add('dashboard publisher', createDashboardPublisher({ prisma, deps, intervalMs: config.ANALYTICS_DASHBOARD_INTERVAL_MS, logger, recorded: () => relay.nudge() }));
    resources.add('analytics consumer', await subscribeAnalytics(runtime.bus, prisma, (event) => publisher.changed(event)));
    return { schema: buildAnalyticsSchema(), createContext: createAnalyticsContext(deps) };
  },
});
