import { defineSubgraph } from '@drobble/kit/context-service';
import { startOutboxRelay } from '@drobble/kit/outbox/relay';
import type { PaymentsDeps } from './application/deps.ts';
import { parsePaymentsConfig, type PaymentsConfig } from './config.ts';
import { createPaymentsContext } from './context.ts';
import { startPaymentsConsumers } from './events/consumers.ts';
import { buildPaymentsSchema, schemaPath } from './graphql/schema.ts';
import { createStripeWebhookRoute } from './http/stripe-webhook.ts';
import { createPaymentsPrisma, poolSizeFor } from './infra/prisma.ts';
import { createStripeClient, type Stripe } from './providers/stripe-client.ts';
import { createStripeGateway } from './providers/stripe-provider.ts';
import { createTestGateway } from './providers/test-provider.ts';

function stripeOf(config: PaymentsConfig): Stripe | undefined {
  if (!config.STRIPE_SECRET_KEY) return undefined;
  return createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, host: config.STRIPE_API_HOST, port: config.STRIPE_API_PORT, protocol: config.STRIPE_API_PROTOCOL });
}

/** The payments subgraph: TEST and Stripe providers, refunds, the append-only ledger, Stripe webhooks. */
export default defineSubgraph({
  name: 'payments',
  schemaPath,
  parseConfig: parsePaymentsConfig,
  createPrisma: (runtime) => createPaymentsPrisma(runtime.databaseUrl, poolSizeFor(runtime.env)),
  async wire({ runtime, config, logger, prisma, resources }) {
    const stripe = stripeOf(config);
    if (stripe && !config.STRIPE_WEBHOOK_SECRET) logger.warn('STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: Stripe webhooks are refused');
    const outbox = resources.add('outbox relay', startOutboxRelay({ prisma, bus: runtime.bus, logger }));
    const deps: PaymentsDeps = {
      prisma,
      logger,
      eventsRecorded: () => outbox.nudge(),
      gateways: { ...(config.PAYMENTS_TEST_PROVIDER ? { TEST: createTestGateway() } : {}), ...(stripe ? { STRIPE: createStripeGateway(stripe) } : {}) },
    };
    resources.addAll('payments consumers', await startPaymentsConsumers(runtime.bus, deps));
    return {
      schema: buildPaymentsSchema(),
      createContext: createPaymentsContext(deps),
      routes: stripe && config.STRIPE_WEBHOOK_SECRET ? createStripeWebhookRoute({ stripe, webhookSecret: config.STRIPE_WEBHOOK_SECRET, deps, logger }) : undefined,
    };
  },
});
