import { defineSubgraph } from '@drobble/kit/context-service';
import { startOutboxRelay } from '@drobble/kit/outbox/relay';
import type { ShippingDeps } from './application/deps.ts';
import { createShippingContext } from './context.ts';
import { startShippingConsumers } from './events/consumers.ts';
import { buildShippingSchema, schemaPath } from './graphql/schema.ts';
import { createShippingPrisma, poolSizeFor } from './infra/prisma.ts';

/** The shipping subgraph: shipments prepared on the saga's request, Order.shipment. */
export default defineSubgraph({
  name: 'shipping',
  schemaPath,
  createPrisma: (runtime) => createShippingPrisma(runtime.databaseUrl, poolSizeFor(runtime.env)),
  async wire({ runtime, logger, prisma, resources }) {
    const outbox = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    const deps: ShippingDeps = { prisma, logger, eventsRecorded: () => outbox.nudge() };
    resources.addAll('shipping consumers', await startShippingConsumers(runtime.bus, deps));
    return { schema: buildShippingSchema(), createContext: createShippingContext(deps) };
  },
});
