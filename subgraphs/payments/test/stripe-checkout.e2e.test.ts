import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '@drobble/identity/demo-accounts';
import { startTestPlatform, type TestPlatform } from '../../../scripts/platform/test-platform.ts';
import { eventually } from './harness.ts';
import { startStripeEmulator, type StripeEmulator } from './stripe-emulator.ts';

/**
 * Stripe end to end: placeOrder with the STRIPE provider through the gateway, the customer's client
 * secret, and the webhook POSTed to the GATEWAY's /webhooks/stripe (forwarded raw to payments).
 * Stripe's API is the local emulator; the whole platform reads STRIPE_* from the environment.
 */
const WEBHOOK_SECRET = 'whsec_e2e_drobble';
let platform: TestPlatform;
let emulator: StripeEmulator;
let adminToken: string;

async function ok(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await platform.graphql<any>(query, variables, token);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

const until = <T>(check: () => Promise<T | null | false | undefined>) =>
  eventually(async () => {
    const value = await check();
    if (!value) throw new Error('not yet');
    return value;
  }, 90_000);

beforeAll(async () => {
  emulator = await startStripeEmulator();
  Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_e2e', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: String(emulator.port), STRIPE_API_PROTOCOL: 'http' });
  platform = await startTestPlatform({ seedDemoData: true });
  adminToken = (await ok(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: DEMO_ADMIN.email, p: DEMO_ADMIN.password })).login.accessToken;
}, 300_000);
afterAll(async () => {
  await platform?.stop();
  await emulator?.stop();
});

const ORDER = `query ($id: ID!) { order(id: $id) { status payment { provider status clientSecret refunds { amount { amount } } } shipment { carrier trackingNumber status } } }`;

async function stripeOrder(token: string) {
  const sku = `STRIPE-${randomUUID().slice(0, 8)}`;
  const created = await ok(`mutation ($input: CreateProductInput!) { createProduct(input: $input) { variants { id } } }`, { input: { name: `Stripe Lamp ${sku}`, variants: [{ sku, price: 3_000, initialStock: 5 }] } }, adminToken);
  const variantId = created.createProduct.variants[0].id;
  const cartId = await until(async () => (await platform.graphql<any>(`mutation ($v: ID!) { addToCart(variantId: $v, quantity: 1) { id } }`, { v: variantId }, token)).data?.addToCart?.id);
  const input = { cartId, shippingAddress: { fullName: 'Ada Lovelace', line1: '1 Analytical St', city: 'London', postalCode: 'N1 1AA', country: 'GB' }, shippingMethod: 'EXPRESS', payment: { provider: 'STRIPE', token: null } };
  return until(async () => (await platform.graphql<any>(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`, { input }, token)).data?.placeOrder?.id as string);
}

async function webhookThroughGateway(event: object) {
  const payload = JSON.stringify(event);
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  const response = await fetch(platform.gatewayUrl.replace(/\/graphql$/, '/webhooks/stripe'), { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  return { status: response.status, body: await response.json() };
}

describe('Stripe checkout through the gateway', () => {
  it('waits for the customer, is completed by a webhook at the gateway, ships, and refunds through Stripe', async () => {
    const email = `stripe-${randomUUID().slice(0, 8)}@example.com`;
    const token = (await ok(`mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`, { input: { email, password: 'correct horse battery staple' } })).register.accessToken;
    const orderId = await stripeOrder(token);
    const waiting = await until(async () => {
      const order = (await ok(ORDER, { id: orderId }, token)).order;
      return order.status === 'AWAITING_PAYMENT' && order;
    });
    const intent = [...emulator.intents.values()].find((candidate) => candidate.metadata.drobbleOrderId === orderId)!;
    expect(waiting.payment).toMatchObject({ provider: 'STRIPE', status: 'REQUIRES_ACTION', clientSecret: intent.client_secret });
    expect((await ok(ORDER, { id: orderId }, adminToken)).order.payment.clientSecret).toBeNull();

    const succeeded = { id: `evt_${randomUUID().replaceAll('-', '')}`, object: 'event', api_version: Stripe.API_VERSION, created: Math.floor(Date.now() / 1000) + 1, type: 'payment_intent.succeeded', data: { object: emulator.complete(intent.id) }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } };
    expect(await webhookThroughGateway(succeeded)).toEqual({ status: 200, body: { received: true, result: 'applied' } });
    expect(await webhookThroughGateway(succeeded)).toEqual({ status: 200, body: { received: true, result: 'duplicate' } });
    const ready = await until(async () => {
      const order = (await ok(ORDER, { id: orderId }, adminToken)).order;
      return order.status === 'READY_TO_SHIP' && order;
    });
    expect(ready.payment.status).toBe('SUCCEEDED');
    expect(ready.shipment).toMatchObject({ carrier: 'Drobble Express', status: 'PREPARED' });
    expect(ready.shipment.trackingNumber).toMatch(/^DX\d{9}DB$/);

    await ok(`mutation ($id: ID!) { refundOrder(id: $id, amount: 1000, reason: "scratched") { id } }`, { id: orderId }, adminToken);
    await until(async () => (await ok(ORDER, { id: orderId }, adminToken)).order.payment.status === 'PARTIALLY_REFUNDED');
    expect(emulator.intents.get(intent.id)!.amount_refunded).toBe(1_000);
    expect(emulator.calls.filter((call) => call.path === '/v1/payment_intents' && call.idempotencyKey === orderId)).toHaveLength(1);
  }, 300_000);
});
