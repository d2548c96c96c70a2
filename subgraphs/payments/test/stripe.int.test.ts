import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient } from '../src/providers/stripe-client.ts';
import { createStripeGateway } from '../src/providers/stripe-provider.ts';
import { PAYMENT_FIELDS, admin, paymentRequest, startPayments, viewerWith, type PaymentsHarness } from './harness.ts';
import { startStripeEmulator, type StripeEmulator } from './stripe-emulator.ts';

const WEBHOOK_SECRET = 'whsec_drobble_test_secret';
let h: PaymentsHarness;
let emulator: StripeEmulator;
const sdk = new Stripe('sk_test_signer');

beforeAll(async () => {
  emulator = await startStripeEmulator();
  h = await startPayments({
    STRIPE_SECRET_KEY: 'sk_test_drobble',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(emulator.port),
    STRIPE_API_PROTOCOL: 'http',
  });
});
afterAll(async () => {
  await h?.stop();
  await emulator?.stop();
});

const ORDER_PAYMENT = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { payment { ${PAYMENT_FIELDS} } } } }`;

async function paymentOfOrder(orderId: string, viewer = admin) {
  const result = await h.gql(ORDER_PAYMENT, { reps: [{ __typename: 'Order', id: orderId }] }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0].payment;
}

/** A Stripe event as Stripe would send it, `created` seconds from now. */
const stripeEvent = (type: string, object: unknown, createdOffset = 0) => ({
  id: `evt_${randomUUID().replaceAll('-', '')}`,
  object: 'event',
  api_version: Stripe.API_VERSION,
  created: Math.floor(Date.now() / 1000) + createdOffset,
  type,
  data: { object },
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
});

async function sendWebhook(event: object, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const signature = sdk.webhooks.generateTestHeaderString({ payload, secret });
  const response = await fetch(`${h.service.url}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
  return { status: response.status, body: (await response.json()) as { result?: string } };
}

async function awaitingCustomer() {
  const request = paymentRequest({ provider: 'STRIPE', token: null, amount: 6_000 });
  await h.publish('orders.order.payment_requested.v1', request);
  await h.waitFor('payments.payment.requires_action.v1', request.orderId);
  const payment = await h.prisma.payment.findUniqueOrThrow({ where: { orderId: request.orderId } });
  return { request, intentId: payment.providerRef! };
}

const ledgerSize = (orderId: string) => h.prisma.paymentLedgerEntry.count({ where: { payment: { orderId } } });

describe('STRIPE provider (SDK against a local Stripe emulator)', () => {
  it('creates one PaymentIntent per order, keyed by the order id, and never charges twice', async () => {
    const request = paymentRequest({ provider: 'STRIPE', token: 'pm_card_visa' });
    await h.publish('orders.order.payment_requested.v1', request);
    await h.waitFor('payments.payment.succeeded.v1', request.orderId);
    await Promise.all([1, 2, 3].map(() => h.publish('orders.order.payment_requested.v1', request)));
    await h.waitFor('payments.payment.succeeded.v1', request.orderId, 4);
    const creates = emulator.calls.filter((call) => call.path === '/v1/payment_intents' && call.idempotencyKey === request.orderId);
    expect(creates).toHaveLength(1);
    const charged = [...emulator.intents.values()].filter((intent) => intent.metadata.drobbleOrderId === request.orderId);
    expect(charged.map((intent) => intent.status)).toEqual(['succeeded']);
    expect(await paymentOfOrder(request.orderId)).toMatchObject({ provider: 'STRIPE', status: 'SUCCEEDED' });
  });

  it('the SDK call is keyed by the order id: a retried charge gets the same PaymentIntent back', async () => {
    const gateway = createStripeGateway(createStripeClient({ secretKey: 'sk_test_drobble', host: '127.0.0.1', port: emulator.port, protocol: 'http' }));
    const request = { orderId: randomUUID(), paymentId: randomUUID(), amount: 1_200, currency: 'USD', email: 'a@example.com', token: 'pm_card_visa' };
    const [first, again] = [await gateway.charge(request), await gateway.charge(request)];
    expect(again.providerRef).toBe(first.providerRef);
    expect([...emulator.intents.values()].filter((intent) => intent.metadata.drobbleOrderId === request.orderId)).toHaveLength(1);
  });

  it('a declined card fails with DECLINED', async () => {
    const request = paymentRequest({ provider: 'STRIPE', token: 'pm_card_chargeDeclined' });
    await h.publish('orders.order.payment_requested.v1', request);
    const [failed] = await h.waitFor('payments.payment.failed.v1', request.orderId);
    expect(failed!.data).toMatchObject({ reason: 'DECLINED', message: 'Your card was declined.' });
  });

  it('shows the client secret to the order owner only', async () => {
    const { request, intentId } = await awaitingCustomer();
    const owner = { userId: request.customerId, roles: ['CUSTOMER' as const], sessionId: null };
    expect((await paymentOfOrder(request.orderId, owner)).clientSecret).toBe(emulator.intent(intentId).client_secret);
    expect((await paymentOfOrder(request.orderId, admin)).clientSecret).toBeNull();
    expect((await paymentOfOrder(request.orderId, viewerWith('CUSTOMER'))).clientSecret).toBeNull();
  });

  it('refunds through the Stripe API, and the echoing charge.refunded changes nothing', async () => {
    const request = paymentRequest({ provider: 'STRIPE', token: 'pm_card_visa', amount: 8_000 });
    await h.publish('orders.order.payment_requested.v1', request);
    await h.waitFor('payments.payment.succeeded.v1', request.orderId);
    const refundRequestId = randomUUID();
    await h.publish('orders.order.refund_requested.v1', { orderId: request.orderId, refundRequestId, amount: 3_000, reason: 'damaged' });
    const [refunded] = await h.waitFor('payments.payment.refunded.v1', request.orderId);
    expect(refunded!.data).toMatchObject({ refundRequestId, refunded: 3_000, totalRefunded: 3_000, full: false });
    const payment = await h.prisma.payment.findUniqueOrThrow({ where: { orderId: request.orderId } });
    expect(emulator.intents.get(payment.providerRef!)!.amount_refunded).toBe(3_000);
    expect(emulator.calls.filter((call) => call.path === '/v1/refunds' && call.idempotencyKey === `refund-${refundRequestId}`)).toHaveLength(1);
    expect((await sendWebhook(stripeEvent('charge.refunded', emulator.chargeOf(payment.providerRef!)))).status).toBe(200);
    expect(await h.prisma.payment.findUniqueOrThrow({ where: { orderId: request.orderId } })).toMatchObject({ refundedAmount: 3_000, status: 'PARTIALLY_REFUNDED' });
    expect(await h.prisma.refund.count({ where: { paymentId: payment.id } })).toBe(1);
  });
});

describe('POST /webhooks/stripe', () => {
  it('verifies the signature on the raw body', async () => {
    const { request, intentId } = await awaitingCustomer();
    const event = stripeEvent('payment_intent.succeeded', emulator.complete(intentId));
    expect((await sendWebhook(event, 'whsec_someone_else')).status).toBe(400);
    const payload = JSON.stringify(event);
    const tampered = await fetch(`${h.service.url}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'stripe-signature': sdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) },
      body: payload.replace('"livemode":false', '"livemode":true'),
    });
    expect(tampered.status).toBe(400);
    expect(await h.prisma.payment.findUniqueOrThrow({ where: { orderId: request.orderId } })).toMatchObject({ status: 'REQUIRES_ACTION' });
  });

  it('payment_intent.succeeded completes a waiting payment; the same event again has no effect', async () => {
    const { request, intentId } = await awaitingCustomer();
    const event = stripeEvent('payment_intent.succeeded', emulator.complete(intentId));
    expect((await sendWebhook(event)).body.result).toBe('applied');
    await h.waitFor('payments.payment.succeeded.v1', request.orderId);
    const rows = await ledgerSize(request.orderId);
    expect((await sendWebhook(event))).toEqual({ status: 200, body: { received: true, result: 'duplicate' } });
    expect(await ledgerSize(request.orderId)).toBe(rows);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await h.waitFor('payments.payment.succeeded.v1', request.orderId)).toHaveLength(1);
  });

  it('charge.refunded before payment_intent.succeeded: captured, refunded, and the late success changes nothing', async () => {
    const { request, intentId } = await awaitingCustomer();
    const succeeded = stripeEvent('payment_intent.succeeded', emulator.complete(intentId), -5);
    emulator.refundInDashboard(intentId, 2_500);
    const refunded = stripeEvent('charge.refunded', emulator.chargeOf(intentId));
    expect((await sendWebhook(refunded)).body.result).toBe('applied');
    const [event] = await h.waitFor('payments.payment.refunded.v1', request.orderId);
    expect(event!.data).toMatchObject({ refundRequestId: null, refunded: 2_500, totalRefunded: 2_500, full: false });
    await h.waitFor('payments.payment.succeeded.v1', request.orderId);
    expect((await sendWebhook(succeeded)).body.result).toBe('ignored');
    expect(await h.prisma.payment.findUniqueOrThrow({ where: { orderId: request.orderId } })).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 2_500 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await h.waitFor('payments.payment.succeeded.v1', request.orderId)).toHaveLength(1);
  });

  it('a retried intent: failed then succeeded applies; a stale failure after success is ignored', async () => {
    const { request, intentId } = await awaitingCustomer();
    const declined = { ...emulator.intent(intentId), last_payment_error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } };
    const staleFailure = stripeEvent('payment_intent.payment_failed', declined, -10);
    expect((await sendWebhook(stripeEvent('payment_intent.payment_failed', declined, 1))).body.result).toBe('applied');
    expect((await h.waitFor('payments.payment.failed.v1', request.orderId))[0]!.data).toMatchObject({ reason: 'DECLINED' });
    expect((await sendWebhook(stripeEvent('payment_intent.succeeded', emulator.complete(intentId)))).body.result).toBe('applied');
    await h.waitFor('payments.payment.succeeded.v1', request.orderId);
    expect((await sendWebhook(staleFailure)).body.result).toBe('ignored');
    expect(await h.prisma.payment.findUniqueOrThrow({ where: { orderId: request.orderId } })).toMatchObject({ status: 'SUCCEEDED' });
  });

  it('an older failure does not override a newer waiting state', async () => {
    const { request, intentId } = await awaitingCustomer();
    const intent = emulator.intent(intentId);
    expect((await sendWebhook(stripeEvent('payment_intent.payment_failed', intent, -3600))).body.result).toBe('ignored');
    expect(await h.prisma.payment.findUniqueOrThrow({ where: { orderId: request.orderId } })).toMatchObject({ status: 'REQUIRES_ACTION' });
  });

  it('asks Stripe to retry an event for one of our intents not stored yet, and ignores foreign ones', async () => {
    const ours = { id: 'pi_not_yet_stored', object: 'payment_intent', status: 'succeeded', created: 1, metadata: { drobbleOrderId: randomUUID() } };
    const event = stripeEvent('payment_intent.succeeded', ours);
    expect((await sendWebhook(event)).status).toBe(503);
    expect(await h.prisma.stripeEvent.findUnique({ where: { id: event.id } })).toBeNull();
    expect((await sendWebhook(stripeEvent('payment_intent.succeeded', { ...ours, metadata: {} }))).body.result).toBe('ignored');
  });
});
