import Stripe from 'stripe';

export interface StripeSettings {
  secretKey: string;
  /** Where the API is (tests point these at a local emulator); Stripe's own when omitted. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
}

/** One configured SDK client. Network failures are retried by the SDK with the same idempotency key. */
export function createStripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.port ? { port: settings.port } : {}),
    ...(settings.protocol ? { protocol: settings.protocol } : {}),
  });
}

export type { Stripe };
