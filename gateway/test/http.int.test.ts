import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startTestPlatform, type TestPlatform } from './fixtures.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ CORS_ORIGINS: 'https://shop.example.com,http://localhost:*' });
});
afterAll(async () => platform?.stop());

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(platform.gateway.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });

  it('answers a preflight from an allowed origin', async () => {
    const response = await preflight('https://shop.example.com');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('matches http://localhost on any port', async () => {
    const response = await preflight('http://localhost:5173');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('gives a refused origin no CORS headers', async () => {
    for (const origin of ['https://evil.example.com', 'https://shop.example.com.evil.com', 'http://localhost.evil.com:80']) {
      const response = await preflight(origin);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      const actual = await post(platform.gateway, { query: '{ __typename }' }, { origin });
      expect(actual.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('adds CORS headers to actual responses, including a 401', async () => {
    const ok = await post(platform.gateway, { query: '{ __typename }' }, { origin: 'https://shop.example.com' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const denied = await post(platform.gateway, { query: '{ __typename }' }, { origin: 'https://shop.example.com', authorization: 'Bearer x.y.z' });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
  });
});

describe('CSRF prevention', () => {
  it('blocks a simple GET without a preflight-forcing header', async () => {
    const response = await fetch(`${platform.gateway.graphqlUrl}?query=${encodeURIComponent('{ whoami { userId } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });

  it('blocks a form-encoded / text/plain POST', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const result = await post(platform.gateway, { query: '{ __typename }' }, { 'content-type': type });
      expect(result.status).toBe(400);
      expect(result.text).toContain('CSRF');
    }
  });

  it('allows a GET with apollo-require-preflight', async () => {
    const response = await fetch(`${platform.gateway.graphqlUrl}?query=${encodeURIComponent('{ add(a: 1, b: 2) }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await response.json()).toEqual({ data: { add: 3 } });
  });
});

describe('developer experience outside production', () => {
  it('serves Apollo Sandbox on GET / (browser)', async () => {
    const response = await fetch(`${platform.gateway.url}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.url).toBe(platform.gateway.graphqlUrl);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('embeddable-sandbox');
  });

  it('allows introspection', async () => {
    const result = await post(platform.gateway, { query: '{ __schema { queryType { name } } }' });
    expect(result.json).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('operational endpoints', () => {
  it('/health, /ready and /metrics', async () => {
    expect((await fetch(`${platform.gateway.url}/health`)).status).toBe(200);
    const ready = await fetch(`${platform.gateway.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { accounts: 'ok', catalog: 'ok' } });
    await post(platform.gateway, { query: '{ boom }' });
    const metrics = await (await fetch(`${platform.gateway.url}/metrics`)).text();
    expect(metrics).toContain('http_request_duration_seconds');
    expect(metrics).toMatch(/graphql_errors_total\{code="INTERNAL_SERVER_ERROR",service="gateway"\} \d/);
  });

  it('404s unknown paths', async () => {
    expect((await fetch(`${platform.gateway.url}/nope`)).status).toBe(404);
  });
});

describe('subgraph connections', () => {
  it('reuses keep-alive connections across requests', async () => {
    await post(platform.gateway, { query: '{ add(a: 1, b: 1) }' });
    const before = platform.accountsConnections();
    for (let i = 0; i < 50; i++) {
      const result = await post(platform.gateway, { query: 'query ($a: Int!) { add(a: $a, b: 1) }', variables: { a: i } });
      expect(result.json.data.add).toBe(i + 1);
    }
    expect(platform.accountsConnections() - before).toBe(0);
    const concurrent = await Promise.all(Array.from({ length: 50 }, (_, i) => post(platform.gateway, { query: `{ add(a: ${i}, b: 0) }` })));
    expect(concurrent.every((result) => result.status === 200)).toBe(true);
    expect(platform.accountsConnections()).toBeLessThanOrEqual(before + 50);
  });
});
