import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '@drobble/kit/auth/access-token';
import { generateKeyPairPem, privateKeyFromPem } from '@drobble/kit/auth/keys';
import { post, startTestPlatform, type TestPlatform } from './fixtures.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.stop());

const WHOAMI = '{ whoami { userId roles sessionId correlationId } }';

describe('viewer forwarding', () => {
  it('sends the verified viewer to the subgraph', async () => {
    const token = await platform.token({ roles: ['ADMIN'], userId: 'u-42' });
    const result = await post(platform.gateway, { query: WHOAMI }, { authorization: `Bearer ${token}`, 'x-correlation-id': 'corr-123' });
    expect(result.status).toBe(200);
    expect(result.json.data.whoami).toEqual({ userId: 'u-42', roles: ['ADMIN'], sessionId: 'session-1', correlationId: 'corr-123' });
    expect(result.headers.get('x-correlation-id')).toBe('corr-123');
  });

  it('treats a request without Authorization as anonymous', async () => {
    const result = await post(platform.gateway, { query: WHOAMI });
    expect(result.json.data.whoami).toMatchObject({ userId: null, roles: [], sessionId: null });
    expect(result.json.data.whoami.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('forwards the viewer on entity fetches across subgraphs', async () => {
    const token = await platform.token({ userId: 'u-7' });
    const result = await post(platform.gateway, { query: '{ products { id name seenBy } }' }, { authorization: `Bearer ${token}` });
    expect(result.json).toEqual({ data: { products: [{ id: 'p1', name: 'Teapot', seenBy: 'u-7' }, { id: 'p2', name: 'Kettle', seenBy: 'u-7' }] } });
  });
});

describe('forged or stale access tokens get 401 UNAUTHENTICATED', () => {
  const expectUnauthenticated = async (authorization: string) => {
    const result = await post(platform.gateway, { query: WHOAMI }, { authorization });
    expect(result.status).toBe(401);
    expect(result.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.json.data).toBeUndefined();
  };
  const claims = (jwt: SignJWT) => jwt.setIssuer('drobble-identity').setAudience('drobble').setSubject('u-1').setIssuedAt().setExpirationTime('5m');

  it('alg none', async () => {
    const token = new UnsecuredJWT({ roles: ['ADMIN'], sid: 's' }).setIssuer('drobble-identity').setAudience('drobble').setSubject('u-1').setExpirationTime('5m').encode();
    await expectUnauthenticated(`Bearer ${token}`);
  });
  it('signed with another key', async () => {
    const other = privateKeyFromPem(generateKeyPairPem().privateKey);
    const { token } = await signAccessToken({ userId: 'u-1', roles: ['ADMIN'], sessionId: 's' }, other, 300);
    await expectUnauthenticated(`Bearer ${token}`);
  });
  it('expired', async () => {
    const key = privateKeyFromPem(platform.accessKeys.privateKey);
    const { token } = await signAccessToken({ userId: 'u-1', roles: [], sessionId: 's' }, key, 60, Date.now() - 3_600_000);
    await expectUnauthenticated(`Bearer ${token}`);
  });
  it('wrong typ (e.g. a refresh or id token)', async () => {
    const key = privateKeyFromPem(platform.accessKeys.privateKey);
    const token = await claims(new SignJWT({ roles: [], sid: 's' }).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })).sign(key);
    await expectUnauthenticated(`Bearer ${token}`);
  });
  it('garbage and non-bearer schemes', async () => {
    await expectUnauthenticated('Bearer not-a-jwt');
    await expectUnauthenticated('Basic dXNlcjpwYXNz');
  });
});

describe('errors', () => {
  it('masks unexpected subgraph errors: INTERNAL_SERVER_ERROR, no details, no stack', async () => {
    const result = await post(platform.gateway, { query: '{ boom }' });
    expect(result.json.data).toEqual({ boom: null });
    expect(result.json.errors).toEqual([{ message: 'Internal server error', path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(result.text).not.toMatch(/secret_table|stack|db\.ts|accounts|serviceName/);
  });

  it('passes a DomainError code, message and field through', async () => {
    const result = await post(platform.gateway, { query: '{ notFound }' });
    expect(result.json.errors).toEqual([{ message: 'Product not found', path: ['notFound'], extensions: { code: 'NOT_FOUND', field: 'id' } }]);
  });

  it('rejects unknown fields and wrong variable types with 400 before any subgraph call', async () => {
    const before = platform.accountsConnections();
    const unknown = await post(platform.gateway, { query: '{ whoami { password } }' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const wrongType = await post(platform.gateway, { query: 'query ($a: Int!) { add(a: $a, b: 1) }', variables: { a: 'x' } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(platform.accountsConnections()).toBe(before);
  });

  it('answers operations the schema cannot run and mismatched APQ hashes with 400 BAD_USER_INPUT', async () => {
    for (const body of [
      { query: 'mutation { anything }' },
      { query: 'subscription { anything }' },
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      [{ query: '{ __typename }' }],
    ]) {
      const result = await post(platform.gateway, body);
      expect(result.status).toBe(400);
      expect(result.json.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    }
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await post(platform.gateway, '{"query": "{ whoami { userId } }"');
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const oversized = await post(platform.gateway, { query: `{ whoami { userId } } # ${'x'.repeat(1_100_000)}` });
    expect(oversized.status).toBe(413);
    expect(oversized.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
