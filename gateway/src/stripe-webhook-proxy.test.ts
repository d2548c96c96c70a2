import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@drobble/kit/logger';
import { createStripeWebhookProxy } from './stripe-webhook-proxy.ts';

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

let upstream: Server;
let gateway: Server;
let gatewayUrl: string;
const seen: { path: string; signature: unknown; body: Buffer }[] = [];

beforeAll(async () => {
  upstream = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    seen.push({ path: request.url ?? '', signature: request.headers['stripe-signature'], body: Buffer.concat(chunks) });
    response.writeHead(seen.length === 1 ? 200 : 400, { 'content-type': 'application/json' }).end(JSON.stringify({ n: seen.length }));
  });
  const paymentsUrl = `${await listen(upstream)}/graphql`;
  const proxy = createStripeWebhookProxy({ subgraphs: [{ name: 'catalog', url: 'http://127.0.0.1:1/graphql' }, { name: 'payments', url: paymentsUrl }], logger: createLogger('test', 'silent'), timeoutMs: 5_000 });
  gateway = createServer(async (request, response) => {
    if (!(await proxy(request, response, new URL(request.url ?? '/', 'http://x')))) response.writeHead(404).end();
  });
  gatewayUrl = await listen(gateway);
});
afterAll(() => {
  upstream?.close();
  gateway?.close();
});

describe('POST /webhooks/stripe at the gateway', () => {
  it('forwards the raw bytes and the signature to payments, and relays its answer', async () => {
    const raw = Buffer.from('{"id":"evt_1",  "text":"caf\u00e9 \\u00e9"}\n', 'utf8');
    const first = await fetch(`${gatewayUrl}/webhooks/stripe`, { method: 'POST', headers: { 'stripe-signature': 't=1,v1=abc', 'content-type': 'application/json' }, body: raw });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ n: 1 });
    expect(seen[0]!.path).toBe('/webhooks/stripe');
    expect(seen[0]!.signature).toBe('t=1,v1=abc');
    expect(seen[0]!.body.equals(raw)).toBe(true);
    const second = await fetch(`${gatewayUrl}/webhooks/stripe`, { method: 'POST', body: '{}' });
    expect(second.status).toBe(400);
  });

  it('serves only POST on that path and leaves other paths alone', async () => {
    expect((await fetch(`${gatewayUrl}/webhooks/stripe`)).status).toBe(405);
    expect((await fetch(`${gatewayUrl}/webhooks/other`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});
