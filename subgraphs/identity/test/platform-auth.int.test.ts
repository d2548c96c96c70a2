import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT } from 'jose';
import { signAccessToken } from '@drobble/kit/auth/access-token';
import { generateKeyPairPem, privateKeyFromPem } from '@drobble/kit/auth/keys';
import { INTERNAL_TOKEN_HEADER } from '@drobble/kit/auth/internal-token';
import { DEMO_ADMIN } from '../src/demo-accounts.ts';
import { INVALID_CREDENTIALS_MESSAGE } from '../src/domain/errors.ts';
import { LOGIN, REFRESH, errorCode, expectNoLeaks, expectRefusedEverywhere, registerCustomer, signIn, startIdentityPlatform, type Auth, type IdentityPlatform, PLATFORM_START_TIMEOUT_MS } from './platform.ts';

let platform: IdentityPlatform;
beforeAll(async () => {
  platform = await startIdentityPlatform();
}, PLATFORM_START_TIMEOUT_MS);
afterAll(async () => {
  await platform?.stop();
});

const ME = '{ me { id email roles } }';

/** Signs an access token with the platform's key but the given claims changed. */
async function craft(options: { issuer?: string; audience?: string; typ?: string; expiresAt?: number; key?: string; sub: string; sid: string }) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['ADMIN'], sid: options.sid })
    .setProtectedHeader({ alg: 'EdDSA', typ: options.typ ?? 'at+jwt' })
    .setIssuer(options.issuer ?? 'drobble-identity')
    .setAudience(options.audience ?? 'drobble')
    .setSubject(options.sub)
    .setIssuedAt(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 600)
    .sign(privateKeyFromPem(options.key ?? platform.keys.access.privateKey));
}

describe('registration and sign-in through the gateway', () => {
  it('registers, signs in and reads me with the access token', async () => {
    const customer = await registerCustomer(platform);
    expect(customer.user.roles).toEqual(['CUSTOMER']);
    const session = await signIn(platform, customer.user.email.toUpperCase(), customer.password);
    const me = await platform.graphql<{ me: { id: string; email: string } }>(ME, undefined, session.accessToken);
    expect(me.data!.me).toMatchObject({ id: customer.user.id, email: customer.user.email });
  });

  it('gives the same error for a wrong password and an unknown email', async () => {
    const customer = await registerCustomer(platform);
    const wrong = await platform.graphql(LOGIN, { email: customer.user.email, password: 'Not-the-password-1' });
    const unknown = await platform.graphql(LOGIN, { email: `nobody-${customer.user.id}@example.com`, password: 'Not-the-password-1' });
    for (const result of [wrong, unknown]) {
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([{ message: INVALID_CREDENTIALS_MESSAGE, path: ['login'], extensions: { code: 'UNAUTHENTICATED' } }]);
    }
  });
});

describe('forged and stale access tokens are refused (401 UNAUTHENTICATED, no data)', () => {
  let customer: Auth;
  beforeAll(async () => {
    customer = await registerCustomer(platform);
  });

  const cases: [string, () => Promise<string>][] = [
    ['alg none', async () => new UnsecuredJWT({ roles: ['ADMIN'], sid: customer.user.id }).setSubject(customer.user.id).setIssuer('drobble-identity').setAudience('drobble').setExpirationTime('10m').encode()],
    ['another key', () => craft({ key: generateKeyPairPem().privateKey, sub: customer.user.id, sid: customer.user.id })],
    ['wrong issuer', () => craft({ issuer: 'evil', sub: customer.user.id, sid: customer.user.id })],
    ['wrong audience', () => craft({ audience: 'other-app', sub: customer.user.id, sid: customer.user.id })],
    ['expired', () => craft({ expiresAt: Math.floor(Date.now() / 1000) - 5, sub: customer.user.id, sid: customer.user.id })],
    ['not an access token (typ)', () => craft({ typ: 'JWT', sub: customer.user.id, sid: customer.user.id })],
    ['a refresh token', async () => customer.refreshToken],
    ['tampered payload', async () => {
      const [header, payload, signature] = customer.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      return [header, Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString('base64url'), signature].join('.');
    }],
    ['tampered signature', async () => `${customer.accessToken.slice(0, -4)}AAAA`],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const result = await platform.graphql(ME, undefined, await make());
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  });

  it('still accepts the genuine token (the cases above can fail)', async () => {
    const result = await platform.graphql<{ me: { id: string } }>(ME, undefined, customer.accessToken);
    expect(result.data!.me.id).toBe(customer.user.id);
  });
});

describe('refresh tokens', () => {
  it('rotate on every use; reusing an old one revokes the family and is recorded', async () => {
    const customer = await registerCustomer(platform);
    const first = await platform.graphql<{ refreshToken: Auth }>(REFRESH, { token: customer.refreshToken });
    const rotated = first.data!.refreshToken;
    expect(rotated.refreshToken).not.toBe(customer.refreshToken);
    const reuse = await platform.graphql(REFRESH, { token: customer.refreshToken });
    expect(errorCode(reuse)).toBe('UNAUTHENTICATED');
    // The family is gone: the newest token fails too, and so does the session's access token on identity.
    expect(errorCode(await platform.graphql(REFRESH, { token: rotated.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await platform.graphql(ME, undefined, rotated.accessToken))).toBe('UNAUTHENTICATED');
    const revoked = await platform.events('identity.session.revoked.v1');
    expect(revoked.map((event) => event.data)).toContainEqual(expect.objectContaining({ userId: customer.user.id, reason: 'REFRESH_TOKEN_REUSE' }));
  });

  it('two concurrent refreshes with one token: exactly one succeeds', async () => {
    const customer = await registerCustomer(platform);
    const results = await Promise.all([1, 2].map(() => platform.graphql<{ refreshToken: Auth }>(REFRESH, { token: customer.refreshToken })));
    expect(results.filter((result) => result.data?.refreshToken).length).toBe(1);
    expect(results.filter((result) => errorCode(result) === 'UNAUTHENTICATED').length).toBe(1);
  });

  it('an expired access token is refused while a fresh one from refresh works', async () => {
    const customer = await registerCustomer(platform);
    const stale = await signAccessToken({ userId: customer.user.id, roles: ['CUSTOMER'], sessionId: customer.user.id }, privateKeyFromPem(platform.keys.access.privateKey), 60, Date.now() - 120_000);
    expect((await platform.graphql(ME, undefined, stale.token)).status).toBe(401);
    const refreshed = await platform.graphql<{ refreshToken: Auth }>(REFRESH, { token: customer.refreshToken });
    expect((await platform.graphql<{ me: { id: string } }>(ME, undefined, refreshed.data!.refreshToken.accessToken)).data!.me.id).toBe(customer.user.id);
  });

  it('logout revokes the session: its refresh token and its access token stop working, on identity at once and on every subgraph through the gateway', async () => {
    const customer = await registerCustomer(platform);
    expect((await platform.graphql('{ myOrders { pageInfo { total } } }', undefined, customer.accessToken)).status).toBe(200);
    const logout = await platform.graphql<{ logout: boolean }>('mutation($t: String!) { logout(refreshToken: $t) }', { t: customer.refreshToken });
    expect(logout.data!.logout).toBe(true);
    expect(errorCode(await platform.graphql(REFRESH, { token: customer.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await platform.graphql(ME, undefined, customer.accessToken))).toBe('UNAUTHENTICATED');
    await expectRefusedEverywhere(platform, customer.accessToken);
  });
});

describe('an attacker going straight to a subgraph', () => {
  it.each([
    ['no credential at all', {}],
    ['a forged identity header', { 'x-user-id': '00000000-0000-4000-8000-000000000001', 'x-user-roles': 'ADMIN' }],
    ['an internal token signed with another key', null],
  ] as const)('with %s is refused (401, no data)', async (_name, headers) => {
    const forged = headers ?? {
      [INTERNAL_TOKEN_HEADER]: await new SignJWT({ roles: ['ADMIN'] })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setIssuer('drobble-gateway')
        .setAudience('drobble-subgraphs')
        .setSubject('00000000-0000-4000-8000-000000000001')
        .setExpirationTime('1m')
        .sign(privateKeyFromPem(generateKeyPairPem().privateKey)),
    };
    const response = await platform.post(`${platform.services.identity!.url}/graphql`, { query: '{ me { id email } users { items { email } } }' }, forged);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).data).toBeUndefined();
    expectNoLeaks(response.body);
  });
});

describe('demo accounts', () => {
  it('the seeded admin signs in with the documented password', async () => {
    const admin = await signIn(platform, DEMO_ADMIN.email, DEMO_ADMIN.password);
    expect(admin.user.roles).toEqual(['ADMIN']);
  });
});
