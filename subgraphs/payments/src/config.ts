import { z } from 'zod';
import { booleanFlag } from '@drobble/kit/config/fields';
import { parseConfig } from '@drobble/kit/config/load-config';

const optionalText = (pattern: RegExp, message: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(pattern, message).optional());

/** The payments context's own settings (DATABASE_URL, keys and port come through the runtime). */
export const paymentsConfigShape = {
  /** Enables the STRIPE provider (sk_test_… / sk_live_… / rk_…). */
  STRIPE_SECRET_KEY: optionalText(/^(sk|rk)_[A-Za-z0-9_]+$/, 'expected a Stripe secret key (sk_test_…, sk_live_… or rk_…)'),
  /** Verifies POST /webhooks/stripe (whsec_…); webhooks are refused (404) without it. */
  STRIPE_WEBHOOK_SECRET: optionalText(/^whsec_[A-Za-z0-9_]+$/, 'expected a Stripe webhook signing secret (whsec_…)'),
  /** Stripe's API location, for an emulator in tests; Stripe's own by default. */
  STRIPE_API_HOST: optionalText(/^[A-Za-z0-9.-]+$/, 'expected a host name'),
  STRIPE_API_PORT: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number({ message: 'expected a TCP port number' }).int().min(1).max(65535).optional()),
  STRIPE_API_PROTOCOL: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['http', 'https']).optional()),
  /** The TEST provider (tok_visa …). On by default (the embedded platform); turn it off in production. */
  PAYMENTS_TEST_PROVIDER: booleanFlag(true),
};

export type PaymentsConfig = ReturnType<typeof parsePaymentsConfig>;
export const parsePaymentsConfig = (env: NodeJS.ProcessEnv) => parseConfig(paymentsConfigShape, env);
