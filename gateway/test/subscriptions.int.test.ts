import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEvent } from '@drobble/schema/events';
import { post } from './fixtures.ts';
import { collect, startLivePlatform, type FakeOrder, type LivePlatform } from './live-fixtures.ts';

let platform: LivePlatform;
beforeAll(async () => {
  platform = await startLivePlatform({ WS_INIT_TIMEOUT_MS: '400' });
}, 60_000);
afterAll(async () => platform?.stop());

const waitFor = async (check: () => boolean, what: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const subscribers = (subject: string) => platform.gateway.subscriptions.subscribers()[subject] ?? 0;
const ORDER_SUBJECT = 'orders.order.status_changed.v1';

function newOrder(customerId: string | null): FakeOrder {
  const product = { id: randomUUID(), name: `Teapot ${randomUUID().slice(0, 4)}`, available: 3 };
  platform.products.set(product.id, product);
  const order = { id: randomUUID(), status: 'PENDING', customerId, productIds: [product.id], paymentStatus: 'PENDING' };
  platform.orders.set(order.id, order);
  return order;
}

/** Resolves with the close code once the server closes the socket. */
const closeCode = (client: ReturnType<LivePlatform['client']>) => new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));

describe('subscriptions over graphql-ws', () => {
  it('delivers orderUpdated to its owner with fields resolved across subgraphs', async () => {
    const userId = randomUUID();
    const order = newOrder(userId);
    const client = platform.client(await platform.token({ userId }));
    const before = subscribers(ORDER_SUBJECT);
    const seen = collect(client, 'subscription ($id: ID!) { update: orderUpdated(orderId: $id) { status payment { status } lines { product { name } } } }', { id: order.id });
    await waitFor(() => subscribers(ORDER_SUBJECT) === before + 1, 'the subscription to start');
    const fetchesBefore = platform.paymentFetches();
    order.paymentStatus = 'SUCCEEDED';
    await platform.publishStatus(newOrder(userId), 'PAID'); // another order: not delivered
    await platform.publishStatus(order, 'PAID');
    await waitFor(() => seen.results.length === 1, 'the event');
    expect(seen.results[0]).toEqual({
      data: { update: { status: 'PAID', payment: { status: 'SUCCEEDED' }, lines: [{ product: { name: platform.products.get(order.productIds[0]!)!.name } }] } },
    });
    expect(platform.paymentFetches()).toBeGreaterThan(fetchesBefore);
    await platform.publishStatus(order, 'READY_TO_SHIP');
    await waitFor(() => seen.results.length === 2, 'the second event');
    expect(seen.results[1]!.data).toMatchObject({ update: { status: 'READY_TO_SHIP' } });
    seen.unsubscribe();
    await waitFor(() => subscribers(ORDER_SUBJECT) === before, 'the subscription to end');
  });

  it('delivers stockChanged to anonymous subscribers', async () => {
    const product = { id: randomUUID(), name: 'Kettle', available: 5 };
    platform.products.set(product.id, product);
    const seen = collect(platform.client(), 'subscription { stockChanged(productId: "' + product.id + '") { id available } }');
    await waitFor(() => subscribers('inventory.stock.changed.v1') >= 1, 'the subscription to start');
    product.available = 4;
    await platform.publishStock(product);
    await waitFor(() => seen.results.length === 1, 'the event');
    expect(seen.results[0]).toEqual({ data: { stockChanged: { id: product.id, available: 4 } } });
    seen.unsubscribe();
  });

  it('delivers dashboardUpdated to admins', async () => {
    const admin = platform.client(await platform.token({ roles: ['ADMIN'] }));
    const seen = collect(admin, 'subscription { dashboardUpdated { ordersToday } }');
    await waitFor(() => subscribers('analytics.dashboard.updated.v1') === 1, 'the subscription');
    const money = { amount: 0, currency: 'USD' };
    const figures = { salesToday: money, ordersToday: 1, averageOrderValue: money, newCustomersToday: 0, topProducts: [], lowStock: [], salesByDay: [], updatedAt: new Date().toISOString() };
    await platform.bus.publish('analytics.dashboard.updated.v1', createEvent('analytics.dashboard.updated.v1', figures, { correlationId: 'test' }));
    await waitFor(() => seen.results.length === 1, 'the event');
    expect(seen.results[0]).toEqual({ data: { dashboardUpdated: { ordersToday: platform.orders.size } } });
    seen.unsubscribe();
  });

  it("refuses another customer's order, anonymous order subscriptions and dashboardUpdated for non-admins", async () => {
    const order = newOrder(randomUUID());
    const stranger = platform.client(await platform.token());
    const cases = [
      { client: stranger, query: `subscription { orderUpdated(orderId: "${order.id}") { status } }`, code: 'NOT_FOUND' },
      { client: platform.client(), query: `subscription { orderUpdated(orderId: "${order.id}") { status } }`, code: 'UNAUTHENTICATED' },
      { client: stranger, query: 'subscription { dashboardUpdated { ordersToday } }', code: 'FORBIDDEN' },
    ];
    for (const { client, query, code } of cases) {
      const seen = collect(client, query);
      await waitFor(() => seen.results.length > 0 || seen.completed(), 'the refusal');
      expect(seen.results[0]?.errors?.[0]?.extensions?.code).toBe(code);
      expect(seen.completed()).toBe(true);
    }
    expect(subscribers(ORDER_SUBJECT)).toBe(0);
    const admin = platform.client(await platform.token({ roles: ['ADMIN'] }));
    const adminSeen = collect(admin, `subscription { orderUpdated(orderId: "${order.id}") { status } }`);
    await waitFor(() => subscribers(ORDER_SUBJECT) === 1, 'the admin subscription');
    await platform.publishStatus(order, 'CANCELLED');
    await waitFor(() => adminSeen.results.length === 1, 'the admin event');
    expect(adminSeen.results[0]!.data).toEqual({ orderUpdated: { status: 'CANCELLED' } });
    adminSeen.unsubscribe();
  });

  it('closes the socket 4403 for a bad token and 4408 without connection_init; refuses a foreign Origin', async () => {
    const bad = platform.client('not-a-jwt');
    expect(await closeCode(bad)).toBe(4403);
    const url = platform.gateway.graphqlUrl.replace(/^http/, 'ws');
    const silent = new WebSocket(url, 'graphql-transport-ws');
    expect(await new Promise((resolve) => silent.on('close', resolve))).toBe(4408);
    const foreign = new WebSocket(url, 'graphql-transport-ws', { headers: { origin: 'https://evil.example' } });
    const status = await new Promise((resolve) => {
      foreign.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      foreign.on('open', () => resolve('opened'));
    });
    expect(status).toBe(403);
    // An opaque origin (sandboxed iframe, file:// page) is refused too, and the gateway lives on.
    const opaque = new WebSocket(url, 'graphql-transport-ws', { headers: { origin: 'null' } });
    expect(await new Promise((resolve) => {
      opaque.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      opaque.on('open', () => resolve('opened'));
    })).toBe(403);
    // Apollo Sandbox on the gateway's own landing page connects from the gateway's origin.
    const own = new WebSocket(url, 'graphql-transport-ws', { headers: { origin: new URL(platform.gateway.url).origin } });
    expect(await new Promise((resolve) => {
      own.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      own.on('open', () => resolve('opened'));
    })).toBe('opened');
    own.close();
  });

  it('ends the connection (4403) when the access token expires', async () => {
    const product = { id: randomUUID(), name: 'Cup', available: 1 };
    platform.products.set(product.id, product);
    const client = platform.client(await platform.token({ ttlSeconds: 2 }));
    const closed = closeCode(client);
    const seen = collect(client, `subscription { stockChanged(productId: "${product.id}") { available } }`);
    await waitFor(() => subscribers('inventory.stock.changed.v1') >= 1, 'the subscription');
    expect(await closed).toBe(4403);
    expect(seen.results).toEqual([]);
    await waitFor(() => !subscribers('inventory.stock.changed.v1'), 'the clean-up');
  });

  it('ends the connection (4403) when identity revokes its session (ban, logout, role change), and refuses that token afterwards', async () => {
    const [userId, sessionId] = [randomUUID(), randomUUID()];
    const order = newOrder(userId);
    const token = await platform.token({ userId, sessionId });
    const client = platform.client(token);
    const closed = closeCode(client);
    collect(client, `subscription { orderUpdated(orderId: "${order.id}") { status } }`);
    await waitFor(() => subscribers(ORDER_SUBJECT) === 1, 'the subscription');
    await platform.bus.publish('identity.session.revoked.v1', createEvent('identity.session.revoked.v1', { userId, sessionId, reason: 'USER_BANNED' }, { correlationId: 'test' }));
    expect(await closed).toBe(4403);
    await waitFor(() => !subscribers(ORDER_SUBJECT), 'the clean-up');
    expect(await closeCode(platform.client(token))).toBe(4403);
  });

  it('applies the query limits to graphql-ws operations and refuses subscriptions over HTTP', async () => {
    const product = { id: randomUUID(), name: 'Deep', available: 1 };
    platform.products.set(product.id, product);
    let nested = 'id';
    for (let level = 0; level < 14; level++) nested = `related { ${nested} }`;
    const seen = collect(platform.client(), `subscription { stockChanged(productId: "${product.id}") { ${nested} } }`);
    await waitFor(() => seen.error() !== undefined || seen.results.length > 0, 'the refusal');
    const errors = (seen.error() ?? seen.results[0]?.errors) as { extensions?: { code?: string } }[];
    expect(errors[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const http = await post(platform.gateway, { query: `subscription { stockChanged(productId: "${product.id}") { id } }` });
    expect(http.status).toBe(400);
    expect(http.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('runs the named operation of a document with several operations over graphql-ws', async () => {
    const product = { id: randomUUID(), name: 'Named', available: 2 };
    platform.products.set(product.id, product);
    const client = platform.client();
    const results: { data?: { product?: { name: string }; products?: unknown } ; errors?: unknown[] }[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: `query Listing { products(pageSize: 1) { id } } query One($id: ID!) { product(id: $id) { name } }`, operationName: 'One', variables: { id: product.id } },
        { next: (value) => void results.push(value as never), error: reject, complete: resolve },
      );
    });
    expect(results).toEqual([{ data: { product: { name: 'Named' } } }]);
    await client.dispose();
  });
});
