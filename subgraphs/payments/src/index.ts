import { fileURLToPath } from 'node:url';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import { startOutboxRelay, type OutboxRelay } from '@drobble/kit/outbox/relay';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import type { Subscription } from '@drobble/kit/bus/event-bus';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import type { PaymentsDeps } from './application/deps.ts';
import { parsePaymentsConfig, type PaymentsConfig } from './config.ts';
import { createPaymentsContext } from './context.ts';
import { startPaymentsConsumers } from './events/consumers.ts';
import { buildPaymentsSchema, schemaPath } from './graphql/schema.ts';
import { createStripeWebhookRoute } from './http/stripe-webhook.ts';
import { PAYMENTS_SCHEMA, createPaymentsPrisma, poolSizeFor } from './infra/prisma.ts';
import { createStripeClient, type Stripe } from './providers/stripe-client.ts';
import { createStripeGateway } from './providers/stripe-provider.ts';
import { createTestGateway } from './providers/test-provider.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/payments/migrations', import.meta.url));

function stripeOf(config: PaymentsConfig): Stripe | undefined {
  if (!config.STRIPE_SECRET_KEY) return undefined;
  return createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, host: config.STRIPE_API_HOST, port: config.STRIPE_API_PORT, protocol: config.STRIPE_API_PROTOCOL });
}

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parsePaymentsConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'payments' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: PAYMENTS_SCHEMA, migrationsDir });
  const prisma = createPaymentsPrisma(runtime.databaseUrl, poolSizeFor(runtime.env));
  const stripe = stripeOf(config);
  if (stripe && !config.STRIPE_WEBHOOK_SECRET) logger.warn('STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: Stripe webhooks are refused');
  let relay: OutboxRelay | undefined;
  let subscriptions: Subscription[] = [];
  try {
    const outbox = startOutboxRelay({ prisma, bus: runtime.bus, logger });
    relay = outbox;
    const deps: PaymentsDeps = {
      prisma,
      logger,
      eventsRecorded: () => outbox.nudge(),
      gateways: { ...(config.PAYMENTS_TEST_PROVIDER ? { TEST: createTestGateway() } : {}), ...(stripe ? { STRIPE: createStripeGateway(stripe) } : {}) },
    };
    subscriptions = await startPaymentsConsumers(runtime.bus, deps);
    const server = await startSubgraphServer({
      name: 'payments',
      schema: buildPaymentsSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createPaymentsContext(deps),
      routes: stripe && config.STRIPE_WEBHOOK_SECRET ? createStripeWebhookRoute({ stripe, webhookSecret: config.STRIPE_WEBHOOK_SECRET, deps, logger }) : undefined,
    });
    return {
      name: 'payments',
      url: server.url,
      stop: async () => {
        await server.stop();
        await Promise.all(subscriptions.map((subscription) => subscription.stop()));
        await outbox.stop();
        await prisma.$disconnect();
      },
    };
  } catch (error) {
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
    await relay?.stop();
    await prisma.$disconnect();
    throw error;
  }
}

/** The payments subgraph: TEST and Stripe providers, refunds, the append-only ledger, Stripe webhooks. */
const payments: SubgraphModule = { name: 'payments', schemaPath, start };
export default payments;
