import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { createDrobbleClient, dashboardUpdatedSubscription, type DashboardUpdatedSubscription } from '@drobble/sdk';
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

const register = async (email: string) =>
  (await platform.graphql<{ register: { accessToken: string } }>('mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }', { input: { email, password: 'correct horse battery staple' } })).data!.register.accessToken;

/** A product with one variant of the given price and stock; returns the variant id. */
async function createVariant(adminAccessToken: string, name: string, sku: string, price: number): Promise<string> {
  const created = await platform.graphql<{ createProduct: { variants: { id: string }[] } }>(
    'mutation ($input: CreateProductInput!) { createProduct(input: $input) { variants { id } } }',
    { input: { name, variants: [{ sku, price, initialStock: 5 }] } },
    adminAccessToken,
  );
  return created.data!.createProduct.variants[0]!.id;
}

/** One unit of the variant, checked out with the TEST provider's succeeding card; returns the order id. */
async function checkout(customer: string, email: string, variantId: string): Promise<string> {
  const cartId = await eventually('a cart', async () => (await platform.graphql<{ addToCart: { id: string } }>('mutation ($v: ID!) { addToCart(variantId: $v, quantity: 1) { id } }', { v: variantId }, customer)).data?.addToCart.id);
  const address = { fullName: 'Ada Lovelace', line1: '1 Engine St', city: 'London', postalCode: 'N1 1AA', country: 'GB' };
  const input = { cartId, email, shippingAddress: address, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: 'tok_visa' } };
  const order = await eventually('placeOrder', async () => (await platform.graphql<{ placeOrder: { id: string } }>('mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }', { input }, customer)).data?.placeOrder);
  return order.id;
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
    const variantId = await createVariant(admin, `Live Lamp ${sku}`, sku, 1_500);
    const email = `live-${Date.now()}@example.com`;
    const customer = await register(email);
    const order = { id: await checkout(customer, email, variantId) };
    const wsUrl = platform.gatewayUrl.replace(/^http/, 'ws');
    const owner = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${customer}` } });
    const stranger = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${await register(`other-${email}`)}` } });
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

  it('dashboardUpdated (the SDK\'s typed subscription) brings an admin the figures a paid order moved; a customer is refused', async () => {
    const admin = await adminToken();
    const sku = `DASH-${Date.now()}`;
    const variantId = await createVariant(admin, `Dashboard Kettle ${sku}`, sku, 2_750);
    const email = `dash-${Date.now()}@example.com`;
    const customer = await register(email);
    const adminClient = createDrobbleClient({ url: platform.gatewayUrl, webSocketImpl: WebSocket, accessToken: async () => admin });
    const customerClient = createDrobbleClient({ url: platform.gatewayUrl, webSocketImpl: WebSocket, accessToken: async () => customer });
    const updates: DashboardUpdatedSubscription[] = [];
    const refusals: unknown[] = [];
    const stopAdmin = adminClient.subscribe(dashboardUpdatedSubscription, {}, { next: (data) => void updates.push(data) });
    const stopCustomer = customerClient.subscribe(dashboardUpdatedSubscription, {}, { next: () => {}, error: (error) => void refusals.push(error) });
    // Subscribed first, so the order's payment certainly produces an update with it in the figures.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await checkout(customer, email, variantId);
    const update = await eventually('a dashboard update with the kettle among the top products', async () =>
      updates.find((data) => data.dashboardUpdated.topProducts.some((top) => top.product.name === `Dashboard Kettle ${sku}`)),
    );
    expect(update.dashboardUpdated.salesToday.currency).toBe('USD');
    expect(update.dashboardUpdated.ordersToday).toBeGreaterThan(0);
    const kettle = update.dashboardUpdated.topProducts.find((top) => top.product.name === `Dashboard Kettle ${sku}`)!;
    expect(kettle).toMatchObject({ unitsSold: 1, revenue: { amount: 2_750, currency: 'USD' } });
    await eventually('the refusal', async () => refusals.length > 0);
    expect(JSON.stringify(refusals[0])).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    stopAdmin();
    stopCustomer();
    await Promise.all([adminClient.dispose(), customerClient.dispose()]);
  });
});
