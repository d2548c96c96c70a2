import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@drobble/kit/auth/internal-token';
import { generateKeyPairPem, privateKeyFromPem } from '@drobble/kit/auth/keys';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { DEMO_ADMIN, DEMO_CUSTOMER } from '../src/demo-accounts.ts';
import { startIdentity, type IdentityHarness } from './harness.ts';

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity({ SEED_DEMO_DATA: 'true' });
});
afterAll(async () => {
  await identity?.close();
});

describe('only the gateway is answered', () => {
  const operations = [{ query: '{ me { id } }' }, { query: '{ _service { sdl } }' }];

  it.each(operations)('refuses $query without an internal token (401, no data)', async (body) => {
    const response = await identity.raw(body);
    expect(response.status).toBe(401);
    const parsed = JSON.parse(response.body);
    expect(parsed.data).toBeUndefined();
    expect(parsed.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(response.body).not.toContain('type User');
  });

  it.each(operations)('refuses $query with a token signed by another key (401, no data)', async (body) => {
    const forged = await signInternalToken({ userId: '00000000-0000-4000-8000-000000000001', roles: ['ADMIN'], sessionId: null }, privateKeyFromPem(generateKeyPairPem().privateKey));
    const response = await identity.raw(body, { [INTERNAL_TOKEN_HEADER]: forged });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).data).toBeUndefined();
    expect(response.body).not.toContain('type User');
  });

  it('answers _service with the SDL to the gateway', async () => {
    const result = await identity.graphql<{ _service: { sdl: string } }>('{ _service { sdl } }', undefined, anonymousViewer);
    expect(result.data!._service.sdl).toContain('type User @key(fields: "id")');
  });
});

describe('demo data (SEED_DEMO_DATA=true)', () => {
  const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { user { email roles addresses { fullName country } } } }';

  it.each([DEMO_ADMIN, DEMO_CUSTOMER])('seeds $email with its roles and an address', async (account) => {
    const result = await identity.graphql(LOGIN, { email: account.email, password: account.password });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ login: { user: { email: account.email, roles: [...account.roles], addresses: [{ fullName: account.address.fullName, country: account.address.country }] } } });
  });
});
