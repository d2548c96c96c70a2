import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairPem } from '@drobble/kit/auth/keys';
import { post, startTestPlatform, type TestPlatform } from './fixtures.ts';

describe('a subgraph refusing the gateway (internal key mismatch)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ INTERNAL_TOKEN_PRIVATE_KEY: generateKeyPairPem().privateKey });
  });
  afterAll(async () => platform?.stop());

  it('is reported as INTERNAL_SERVER_ERROR, never as the client being UNAUTHENTICATED, and leaks no URL', async () => {
    const result = await post(platform.gateway, { query: '{ whoami { userId } }' }, { authorization: `Bearer ${await platform.token()}` });
    expect(result.status).toBe(200);
    expect(result.json.data).toBeNull();
    expect(result.json.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(result.text).not.toMatch(/127\.0\.0\.1|401|gateway/);
  });
});

describe('a subgraph that is down', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
    await platform.catalog.stop();
  });
  afterAll(async () => platform?.stop());

  it('makes /ready answer 503 naming it', async () => {
    const ready = await fetch(`${platform.gateway.url}/ready`);
    expect(ready.status).toBe(503);
    const body = await ready.json();
    expect(body.checks.accounts).toBe('ok');
    expect(body.checks.catalog).toMatch(/^down/);
  });

  it('masks the failed fetch and still serves the other subgraph', async () => {
    const down = await post(platform.gateway, { query: '{ products { id } }' });
    expect(down.json.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(down.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|catalog/);
    const up = await post(platform.gateway, { query: '{ add(a: 2, b: 2) }' });
    expect(up.json).toEqual({ data: { add: 4 } });
  });
});
