import { defineSubgraph, type ContextDefinition } from '@drobble/kit/context-service';
import { startOutboxRelay } from '@drobble/kit/outbox/relay';
import type { RunningService, SubgraphRuntime } from '@drobble/kit/runtime';
import { parseOrdersConfig, type OrderConfig } from './config.ts';
import { createOrdersContext, type OrdersContext } from './context.ts';
import { buildOrdersSchema, schemaPath } from './graphql/schema.ts';
import { createOrdersPrisma, type OrdersPrisma } from './infra/prisma.ts';
import { startConsumers } from './saga/consumers.ts';
import { startSweeper } from './saga/sweeper.ts';

/**
 * Orders starts: migrations, the outbox relay (republishes whatever a previous process committed but
 * did not publish), the durable saga consumers (they resume where the last process stopped), the
 * deadline sweeper, then the GraphQL server.
 */
const ordersContext = {
  name: 'orders',
  schemaPath,
  parseConfig: parseOrdersConfig,
  createPrisma: (runtime, config) => createOrdersPrisma(runtime.databaseUrl, config.dbPoolSize),
  async wire({ runtime, config, logger, prisma, resources }) {
    await runtime.bus.ensureStreams(['orders']);
    const outbox = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    const eventsRecorded = () => outbox.nudge();
    const deps = { prisma, config, bus: runtime.bus, eventsRecorded };
    resources.addAll('saga consumers', await startConsumers({ ...deps, logger }));
    resources.add('deadline sweeper', startSweeper({ prisma, logger, intervalMs: config.sweepIntervalMs, eventsRecorded }));
    return { schema: buildOrdersSchema(), createContext: createOrdersContext(deps) };
  },
} satisfies ContextDefinition<OrdersPrisma, OrdersContext, OrderConfig>;

/** The orders subgraph: orders, checkout and the order saga. */
export default defineSubgraph(ordersContext);

/** start(), also handing back the service's Prisma client (tests read rows on the same pool). */
export async function startOrdersService(runtime: SubgraphRuntime): Promise<RunningService & { prisma: OrdersPrisma }> {
  let prisma: OrdersPrisma | undefined;
  const service = await defineSubgraph({ ...ordersContext, createPrisma: (rt, config) => (prisma = ordersContext.createPrisma(rt, config)) }).start(runtime);
  return { ...service, prisma: prisma! };
}
