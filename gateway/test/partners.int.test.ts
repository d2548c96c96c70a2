import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/index.ts';
import { post } from './fixtures.ts';
import { documentId, partnerDocuments, startLivePlatform, type LivePlatform } from './live-fixtures.ts';

let platform: LivePlatform;
let adminAuth: Record<string, string>;
beforeAll(async () => {
  platform = await startLivePlatform({}, { partners: true });
  adminAuth = { authorization: `Bearer ${await platform.token({ roles: ['ADMIN'] })}` };
}, 120_000);
afterAll(async () => platform?.stop());

const waitFor = async (check: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const product = { id: randomUUID(), name: 'Partner teapot', available: 2 };
const PRODUCT_NAME = documentId(partnerDocuments.productName);
const ORDER_STATUS = documentId(partnerDocuments.orderStatus);

async function createKey(name: string, allowed: string[], rate = 100) {
  const result = await post(
    platform.gateway,
    { query: 'mutation ($name: String!, $ops: [String!]!, $rate: Int) { createPartnerApiKey(name: $name, allowedOperations: $ops, rateLimitPerMinute: $rate) { key apiKey { id } } }', variables: { name, ops: allowed, rate } },
    adminAuth,
  );
  expect(result.json.errors).toBeUndefined();
  return result.json.data.createPartnerApiKey as { key: string; apiKey: { id: string } };
}

const asPartner = (key: string, body: object, gateway: RunningGateway = platform.gateway) => post(gateway, body, { 'x-api-key': key });
const persisted = (id: string, variables: object = { id: product.id }) => ({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } });
/** Waits until a gateway knows the key (it learns it from the created event). */
const known = (key: string, gateway?: RunningGateway) => waitFor(async () => (await asPartner(key, persisted('0'.repeat(64)), gateway)).status !== 401, 'the gateway to learn the key');

describe('partner API keys at the gateway', () => {
  beforeAll(() => void platform.products.set(product.id, product));

  it('runs a granted persisted operation by id and refuses anything else with PERSISTED_QUERY_NOT_ALLOWED', async () => {
    const { key } = await createKey('Acme', [PRODUCT_NAME]);
    await known(key);
    const allowed = await asPartner(key, persisted(PRODUCT_NAME));
    expect(allowed.json).toEqual({ data: { product: { name: 'Partner teapot' } } });
    for (const body of [persisted(ORDER_STATUS), { query: partnerDocuments.productName, variables: { id: product.id } }, persisted('f'.repeat(64)), { query: '{ __typename }' }]) {
      const refused = await asPartner(key, body);
      expect(refused.status).toBe(403);
      expect(refused.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    }
    expect((await asPartner('drb_live_unknown', persisted(PRODUCT_NAME))).status).toBe(401);
  });

  it('rate-limits each key (RATE_LIMITED with Retry-After) and reports usage to admins', async () => {
    const { key, apiKey } = await createKey('Limited', [PRODUCT_NAME], 3);
    await waitFor(async () => (await asPartner(key, persisted(PRODUCT_NAME))).status === 200, 'the key to work');
    const results = [];
    for (let attempt = 0; attempt < 3; attempt++) results.push(await asPartner(key, persisted(PRODUCT_NAME)));
    const limited = results.at(-1)!;
    expect(limited.status).toBe(429);
    expect(limited.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const usage = async () => {
      const listed = await post(platform.gateway, { query: '{ partnerApiKeys { id usageCount } }' }, adminAuth);
      return (listed.json.data?.partnerApiKeys as { id: string; usageCount: number }[] | undefined)?.find((entry) => entry.id === apiKey.id)?.usageCount;
    };
    await waitFor(async () => (await usage()) === 3, 'usage to reach 3 (requests served, refusals not counted)');
  });

  it('a new replica knows existing keys (snapshot); a revoked key is refused everywhere', async () => {
    const { key, apiKey } = await createKey('Replicated', [PRODUCT_NAME]);
    await known(key);
    const replica = await platform.startReplica();
    expect((await asPartner(key, persisted(PRODUCT_NAME), replica)).json.data).toEqual({ product: { name: 'Partner teapot' } });
    const revoked = await post(platform.gateway, { query: 'mutation ($id: ID!) { revokePartnerApiKey(id: $id) { revokedAt } }', variables: { id: apiKey.id } }, adminAuth);
    expect(revoked.json.data.revokePartnerApiKey.revokedAt).toEqual(expect.any(String));
    for (const gateway of [platform.gateway, replica]) {
      await waitFor(async () => (await asPartner(key, persisted(PRODUCT_NAME), gateway)).status === 401, 'the revocation to reach every replica');
    }
  });

  it('keeps the key directory out of the public API and key management for admins', async () => {
    const directory = await post(platform.gateway, { query: '{ partnerKeyDirectory { keyHash } }' }, adminAuth);
    expect(directory.status).toBe(400);
    const customer = await post(platform.gateway, { query: '{ partnerApiKeys { id } }' }, { authorization: `Bearer ${await platform.token()}` });
    expect(customer.json.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
