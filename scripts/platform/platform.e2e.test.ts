import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { startTestPlatform, type TestPlatform } from './test-platform.ts';

/** The supergraph end to end: gateway -> identity + catalog, over HTTP, on whichever engines the env selects. */
let platform: TestPlatform;
const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken user { id email roles } } }`;

async function tokenFor(email: string, password: string): Promise<string> {
  const response = await platform.graphql<{ login: { accessToken: string } }>(LOGIN, { email, password });
  expect(response.errors).toBeUndefined();
  return response.data!.login.accessToken;
}

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe('the supergraph on the platform', () => {
  it('registers a shopper who then sees themselves through me', async () => {
    const email = `shopper-${Date.now()}@example.com`;
    const registered = await platform.graphql<{ register: { accessToken: string; user: { email: string; roles: string[] } } }>(
      `mutation ($input: RegisterInput!) { register(input: $input) { accessToken user { email roles } } }`,
      { input: { email, password: 'correct horse battery staple', firstName: 'Ada' } },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.register.user).toEqual({ email, roles: ['CUSTOMER'] });
    const me = await platform.graphql<{ me: { email: string; firstName: string } }>(`{ me { email firstName } }`, {}, registered.data!.register.accessToken);
    expect(me.data!.me).toEqual({ email, firstName: 'Ada' });
  });

  it('lists the seeded catalog with prices and variants', async () => {
    const response = await platform.graphql<{ products: { items: { name: string; price: { amount: number; currency: string }; variants: { sku: string }[] }[]; pageInfo: { total: number } } }>(
      `{ products(pageSize: 20) { items { id name price { amount currency } variants { sku price { amount } } } pageInfo { page pageSize total } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.products.items).toHaveLength(20);
    expect(response.data!.products.pageInfo.total).toBeGreaterThanOrEqual(40);
    for (const product of response.data!.products.items) {
      expect(product.variants.length).toBeGreaterThan(0);
      expect(Number.isInteger(product.price.amount)).toBe(true);
    }
  });

  it('lets an admin create a product and refuses a customer with FORBIDDEN', async () => {
    const create = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id slug version variants { sku } } }`;
    const input = { name: `Gateway Mug ${Date.now()}`, variants: [{ sku: `MUG-${Date.now()}`, price: 1299, initialStock: 3 }] };
    const adminToken = await tokenFor(admin.email, admin.password);
    const created = await platform.graphql<{ createProduct: { version: number } }>(create, { input }, adminToken);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createProduct.version).toBe(1);

    const customer = demoAccounts.find((account) => account.role === 'CUSTOMER')!;
    const refused = await platform.graphql(create, { input: { ...input, variants: [{ sku: `MUG-X-${Date.now()}`, price: 1 }] } }, await tokenFor(customer.email, customer.password));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers a forged bearer token with UNAUTHENTICATED', async () => {
    const response = await platform.graphql(`{ me { id } }`, {}, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('bad input at the gateway', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('rejects malformed JSON with 400 and a clear error', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects an oversized body with 413', async () => {
    const response = await post(JSON.stringify({ query: `{ products { items { id } } }`, variables: { pad: 'x'.repeat(2_000_000) } }));
    expect(response.status).toBe(413);
  });

  it('rejects unknown fields and wrong types with BAD_USER_INPUT and no stack trace', async () => {
    for (const query of [`{ products { items { nope } } }`, `{ products(pageSize: "many") { items { id } } }`]) {
      const response = await post(JSON.stringify({ query }));
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(text).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    }
  });
});

describe('subgraphs are not reachable around the gateway', () => {
  it('refuses GraphQL (including _service) without the internal token, and with a forged one', async () => {
    const catalog = platform.services.catalog!.url;
    for (const headers of [{}, { 'x-drobble-internal-token': 'forged' }] as Record<string, string>[]) {
      const response = await fetch(`${catalog}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('sdl');
    }
  });

  it('serves /health, /ready and /metrics on the gateway and every subgraph', async () => {
    for (const service of Object.values(platform.services)) {
      expect((await fetch(`${service.url}/health`)).status, `${service.name} /health`).toBe(200);
      expect((await fetch(`${service.url}/ready`)).status, `${service.name} /ready`).toBe(200);
      const metrics = await fetch(`${service.url}/metrics`);
      expect(await metrics.text(), `${service.name} /metrics`).toContain('process_resident_memory_bytes');
    }
  });
});
