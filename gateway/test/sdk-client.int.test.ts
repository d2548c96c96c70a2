import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDrobbleClient, DrobbleError } from '@drobble/sdk/client';
import { documentId, partnerDocuments, startLivePlatform, type LivePlatform } from './live-fixtures.ts';

/** The SDK's client against a gateway: APQ by hash first, partners by persisted id, subscriptions over graphql-ws. */
let platform: LivePlatform;
beforeAll(async () => {
  platform = await startLivePlatform({}, { partners: true });
}, 120_000);
afterAll(async () => platform?.stop());

describe('@drobble/sdk client', () => {
  it('sends the APQ hash first, the text once when asked, then the hash alone', async () => {
    const bodies: { query?: string }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const client = createDrobbleClient({ url: platform.gateway.graphqlUrl, fetch: recordingFetch });
    const query = parse(`query SdkProducts { products(pageSize: 2) { id name } } # ${randomUUID()}`);
    expect(await client.request(query)).toEqual({ products: [] });
    expect(bodies.map((body) => body.query !== undefined)).toEqual([false, true]);
    expect(await client.request(query)).toEqual({ products: [] });
    expect(bodies.map((body) => body.query !== undefined)).toEqual([false, true, false]);
    await expect(client.request(parse('{ products(pageSize: 1000) { related(pageSize: 100) { id } } }'))).rejects.toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('makes partner requests by persisted id only', async () => {
    const product = { id: randomUUID(), name: 'SDK kettle', available: 1 };
    platform.products.set(product.id, product);
    const admin = createDrobbleClient({ url: platform.gateway.graphqlUrl, accessToken: () => platform.token({ roles: ['ADMIN'] }) });
    const created = await admin.request<{ createPartnerApiKey: { key: string } }, Record<string, unknown>>(
      parse('mutation ($ops: [String!]!) { createPartnerApiKey(name: "SDK", allowedOperations: $ops) { key } }'),
      { ops: [documentId(partnerDocuments.productName)] },
    );
    const partner = createDrobbleClient({ url: platform.gateway.graphqlUrl, apiKey: created.createPartnerApiKey.key });
    const granted = Object.assign(parse(partnerDocuments.productName), { __meta__: { hash: documentId(partnerDocuments.productName) } });
    const deadline = Date.now() + 20_000;
    let result: unknown;
    while (result === undefined && Date.now() < deadline) result = await partner.request(granted, { id: product.id }).catch(() => undefined);
    expect(result).toEqual({ product: { name: 'SDK kettle' } });
    const other = Object.assign(parse(partnerDocuments.orderStatus), { __meta__: { hash: documentId(partnerDocuments.orderStatus) } });
    const refusal = await partner.request(other, { id: randomUUID() }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DrobbleError);
    expect((refusal as DrobbleError).code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('subscribes over graphql-ws with the access token', async () => {
    const product = { id: randomUUID(), name: 'SDK mug', available: 5 };
    platform.products.set(product.id, product);
    const client = createDrobbleClient({ url: platform.gateway.graphqlUrl, webSocketImpl: WebSocket, accessToken: () => platform.token() });
    const seen: unknown[] = [];
    const unsubscribe = client.subscribe(parse('subscription ($id: ID!) { stockChanged(productId: $id) { available } }'), { id: product.id }, { next: (data) => void seen.push(data) });
    const deadline = Date.now() + 20_000;
    while (seen.length === 0 && Date.now() < deadline) {
      product.available -= 1;
      await platform.publishStock(product);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(seen[0]).toEqual({ stockChanged: { available: expect.any(Number) } });
    unsubscribe();
    await client.dispose();
  });
});
