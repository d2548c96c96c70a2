import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { startTestPlatform, type TestPlatform } from '../../scripts/platform/test-platform.ts';

/** Subscriptions on the real platform: catalog's Product with inventory's stock, after a real adjustStock. */
let platform: TestPlatform;
let client: Client | undefined;
beforeAll(async () => {
  platform = await startTestPlatform();
}, 400_000);
afterAll(async () => {
  await client?.dispose();
  await platform?.stop();
});

const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;
const adminToken = async () =>
  (await platform.graphql<{ login: { accessToken: string } }>('mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: admin.email, p: admin.password })).data!.login.accessToken;

async function eventually<T>(what: string, attempt: () => Promise<T | null | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('subscriptions on the real platform', () => {
  it('stockChanged delivers catalog and inventory fields after adjustStock', async () => {
    const token = await adminToken();
    const listed = await platform.graphql<{ products: { items: { id: string; name: string; variants: { id: string }[] }[] } }>('{ products(pageSize: 1) { items { id name variants { id } } } }');
    const product = listed.data!.products.items[0]!;
    client = createClient({ url: platform.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
    const received: unknown[] = [];
    client.subscribe({ query: 'subscription ($id: ID!) { stockChanged(productId: $id) { name variants { id stock { available } } } }', variables: { id: product.id } }, {
      next: (value) => void received.push(value),
      error: (error) => void received.push({ error: String(error) }),
      complete: () => {},
    });
    const variantId = product.variants[0]!.id;
    // The subscription starts asynchronously: adjust until an event arrives (each adjustment is a real stock change).
    const deadline = Date.now() + 60_000;
    while (received.length === 0 && Date.now() < deadline) {
      const adjusted = await platform.graphql('mutation ($v: ID!) { adjustStock(variantId: $v, delta: 1, reason: "e2e subscription") { available } }', { v: variantId }, token);
      expect(adjusted.errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(received[0]).toMatchObject({ data: { stockChanged: { name: product.name, variants: expect.arrayContaining([{ id: variantId, stock: { available: expect.any(Number) } }]) } } });
  });

  it('orderUpdated follows a real checkout with fields from orders, payments and catalog, for the owner only', async () => {
    const admin = await adminToken();
    const sku = `SUB-${Date.now()}`;
    const created = await platform.graphql<{ createProduct: { id: string; variants: { id: string }[] } }>(
      'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id variants { id } } }',
      { input: { name: `Live Lamp ${sku}`, variants: [{ sku, price: 1_500, initialStock: 5 }] } },
      admin,
    );
    const variantId = created.data!.createProduct.variants[0]!.id;
    const email = `live-${Date.now()}@example.com`;
    const registered = await platform.graphql<{ register: { accessToken: string } }>('mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }', { input: { email, password: 'correct horse battery staple' } });
    const customer = registered.data!.register.accessToken;
    const cartId = await eventually('a cart', async () => (await platform.graphql<{ addToCart: { id: string } }>('mutation ($v: ID!) { addToCart(variantId: $v, quantity: 1) { id } }', { v: variantId }, customer)).data?.addToCart.id);
    const address = { fullName: 'Ada Lovelace', line1: '1 Engine St', city: 'London', postalCode: 'N1 1AA', country: 'GB' };
    const input = { cartId, email, shippingAddress: address, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: 'tok_visa' } };
    const order = await eventually('placeOrder', async () => (await platform.graphql<{ placeOrder: { id: string } }>('mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', { input }, customer)).data?.placeOrder);
    const wsUrl = platform.gatewayUrl.replace(/^http/, 'ws');
    const owner = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${customer}` } });
    const other = await platform.graphql<{ register: { accessToken: string } }>('mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }', { input: { email: `other-${email}`, password: 'correct horse battery staple' } });
    const stranger = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${other.data!.register.accessToken}` } });
    const updates: { data?: { orderUpdated: { status: string; payment: { status: string } | null; lines: { variant: { product: { name: string } } }[] } } }[] = [];
    const refusals: { errors?: { extensions?: { code?: string } }[] }[] = [];
    const query = 'subscription ($id: ID!) { orderUpdated(orderId: $id) { status payment { status } lines { variant { product { name } } } } }';
    owner.subscribe({ query, variables: { id: order.id } }, { next: (value) => void updates.push(value as never), error: () => {}, complete: () => {} });
    stranger.subscribe({ query, variables: { id: order.id } }, { next: (value) => void refusals.push(value as never), error: () => {}, complete: () => {} });
    // Move the order along after subscribing, so status changes certainly follow: an admin ships it once it is ready.
    await eventually('the order to be ready to ship', async () => {
      const status = (await platform.graphql<{ order: { status: string } }>('query ($id: ID!) { order(id: $id) { status } }', { id: order.id }, admin)).data?.order.status;
      return status === 'READY_TO_SHIP' || status === 'SHIPPED' || status === 'DELIVERED';
    });
    await platform.graphql('mutation ($id: ID!) { markOrderShipped(id: $id) { status } }', { id: order.id }, admin);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await platform.graphql('mutation ($id: ID!) { markOrderDelivered(id: $id) { status } }', { id: order.id }, admin);
    await eventually('an update', async () => updates.length > 0);
    expect(updates.at(-1)!.data!.orderUpdated.lines[0]!.variant.product.name).toBe(`Live Lamp ${sku}`);
    expect(updates.some((update) => update.data?.orderUpdated.payment?.status)).toBe(true);
    await eventually('the refusal', async () => refusals.length > 0);
    expect(refusals[0]!.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
    await owner.dispose();
    await stranger.dispose();
  });
});
