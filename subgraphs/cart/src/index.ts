import { defineSubgraph } from '@drobble/kit/context-service';
import type { CartDeps } from './application/deps.ts';
import { expireGuestCarts } from './application/expire-guest-carts.ts';
import { parseCartConfig } from './config.ts';
import { createCartContext } from './context.ts';
import { startCartConsumers } from './events/consumers.ts';
import { buildCartSchema, schemaPath } from './graphql/schema.ts';
import { startOutboxRelay } from './infra/outbox.ts';
import { createCartPrisma } from './infra/prisma.ts';
import { startSweeper } from './infra/sweeper.ts';

/** The cart subgraph: guest and user carts, wishlists, and the catalog/inventory projections they check against. */
export default defineSubgraph({
  name: 'cart',
  schemaPath,
  parseConfig: parseCartConfig,
  createPrisma: (runtime, config) => createCartPrisma(runtime.databaseUrl, config.CART_DB_MAX_CONNECTIONS),
  async wire({ runtime, config, logger, prisma, resources }) {
    const outbox = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    const deps: CartDeps = {
      prisma,
      guestTtlMs: config.CART_GUEST_TTL_SECONDS * 1_000,
      defaultCurrency: config.CART_DEFAULT_CURRENCY,
      now: () => new Date(),
      eventsRecorded: () => outbox.nudge(),
    };
    resources.addAll('cart consumers', await startCartConsumers(runtime.bus, deps));
    resources.add('guest cart sweeper', startSweeper(() => expireGuestCarts(deps), config.CART_SWEEP_INTERVAL_MS, logger));
    return { schema: buildCartSchema(), createContext: createCartContext(deps) };
  },
});
