import { describe, expect, it } from 'vitest';
import { parsePaymentsConfig } from './config.ts';

describe('payments config', () => {
  it('defaults to the TEST provider only', () => {
    expect(parsePaymentsConfig({})).toEqual({ PAYMENTS_TEST_PROVIDER: true });
    expect(parsePaymentsConfig({ STRIPE_SECRET_KEY: '', STRIPE_API_PORT: '' })).toEqual({ PAYMENTS_TEST_PROVIDER: true });
  });

  it('reads the Stripe settings', () => {
    const config = parsePaymentsConfig({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_xyz', STRIPE_API_HOST: 'localhost', STRIPE_API_PORT: '12111', STRIPE_API_PROTOCOL: 'http', PAYMENTS_TEST_PROVIDER: 'false' });
    expect(config).toEqual({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_xyz', STRIPE_API_HOST: 'localhost', STRIPE_API_PORT: 12111, STRIPE_API_PROTOCOL: 'http', PAYMENTS_TEST_PROVIDER: false });
  });

  it('names every bad variable', () => {
    expect(() => parsePaymentsConfig({ STRIPE_SECRET_KEY: 'pk_test_public', STRIPE_WEBHOOK_SECRET: 'secret', STRIPE_API_PROTOCOL: 'ftp' })).toThrow(
      /STRIPE_SECRET_KEY[\s\S]*STRIPE_WEBHOOK_SECRET[\s\S]*STRIPE_API_PROTOCOL/,
    );
  });
});
