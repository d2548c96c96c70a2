import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { LOGIN, REGISTER, errorCode, registerCustomer, signIn, startIdentityPlatform, type IdentityPlatform, PLATFORM_START_TIMEOUT_MS } from './platform.ts';
import type { GraphQLResponse } from './harness.ts';

/**
 * Abuse limits through the gateway, with small limits and short windows. The gateway trusts one
 * proxy (TRUSTED_PROXY_HOPS=1) and each test calls from its own client address (X-Forwarded-For),
 * so per-address counts of one test never meet another's. With REDIS_URL set the platform keeps
 * its counts in Redis (under a prefix derived from this test's own database).
 */
// Long enough that a burst of slow requests on a loaded machine stays inside one window.
const WINDOW_SECONDS = 15;
let platform: IdentityPlatform;
/** The platform as seen from a client address of its own (documentation range 198.51.100.0/24). */
let client: IdentityPlatform;
let nextAddress = 1;
beforeAll(async () => {
  platform = await startIdentityPlatform({
    TRUSTED_PROXY_HOPS: '1',
    LOGIN_FAILURES_PER_ACCOUNT: '3',
    LOGIN_FAILURES_PER_ADDRESS: '6',
    LOGIN_FAILURE_WINDOW_SECONDS: String(WINDOW_SECONDS),
    REGISTRATIONS_PER_ADDRESS: '3',
    REGISTRATION_WINDOW_SECONDS: String(WINDOW_SECONDS),
    PASSWORD_RESETS_PER_ACCOUNT: '2',
    PASSWORD_RESETS_PER_ADDRESS: '4',
    PASSWORD_RESET_WINDOW_SECONDS: String(WINDOW_SECONDS),
    PASSWORD_RESET_TTL_SECONDS: '2',
  });
}, PLATFORM_START_TIMEOUT_MS);
afterAll(async () => {
  await platform?.stop();
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
beforeEach(() => {
  client = platform.from(`198.51.100.${nextAddress++}`);
});

function expectRateLimited(result: GraphQLResponse): void {
  expect(result.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
  const wait = result.errors![0]!.extensions!.retryAfterSeconds as number;
  expect(wait).toBeGreaterThanOrEqual(1);
  expect(wait).toBeLessThanOrEqual(WINDOW_SECONDS);
}

const wrongLogin = (email: string, from = client) => from.graphql(LOGIN, { email, password: 'Not-the-password-1' });

describe('failed sign-ins', () => {
  it('per account: after 3 failures even the right password waits; once the window passes it works again', async () => {
    const user = await registerCustomer(client);
    for (let i = 0; i < 3; i++) expect(errorCode(await wrongLogin(user.user.email))).toBe('UNAUTHENTICATED');
    expectRateLimited(await client.graphql(LOGIN, { email: user.user.email, password: user.password }));
    await sleep(WINDOW_SECONDS * 1000 + 300);
    await signIn(client, user.user.email, user.password);
  });

  it('per account: a successful sign-in resets the count', async () => {
    const user = await registerCustomer(client);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) expect(errorCode(await wrongLogin(user.user.email))).toBe('UNAUTHENTICATED');
      await signIn(client, user.user.email, user.password);
    }
  });

  it('per account: concurrent guesses cannot slip past the limit', async () => {
    const user = await registerCustomer(client);
    const results = await Promise.all(Array.from({ length: 8 }, () => wrongLogin(user.user.email)));
    const codes = results.map(errorCode);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(5);
  });

  it('unknown emails are limited like known ones (no enumeration through the limit)', async () => {
    const email = `nobody-${randomUUID()}@example.com`;
    for (let i = 0; i < 3; i++) expect(errorCode(await wrongLogin(email))).toBe('UNAUTHENTICATED');
    expectRateLimited(await wrongLogin(email));
  });

  it('per client address: failures spread over many accounts are limited too', async () => {
    for (let i = 0; i < 6; i++) expect(errorCode(await wrongLogin(`spray-${i}-${randomUUID()}@example.com`))).toBe('UNAUTHENTICATED');
    expectRateLimited(await wrongLogin(`spray-last-${randomUUID()}@example.com`));
    // Another client address is not affected.
    expect(errorCode(await wrongLogin(`elsewhere-${randomUUID()}@example.com`, platform.from(`198.51.100.${nextAddress++}`)))).toBe('UNAUTHENTICATED');
  });

  it('per client address: addresses the client writes before the trusted proxy\'s entry change nothing', async () => {
    const address = `198.51.100.${nextAddress++}`;
    const forged = (i: number) => platform.from(`203.0.113.${i}, ${address}`);
    for (let i = 0; i < 6; i++) expect(errorCode(await wrongLogin(`forged-${i}-${randomUUID()}@example.com`, forged(i)))).toBe('UNAUTHENTICATED');
    expectRateLimited(await wrongLogin(`forged-last-${randomUUID()}@example.com`, forged(99)));
  });
});

describe('registration and password reset', () => {
  it('registrations per address are limited', async () => {
    const register = () => client.graphql(REGISTER, { input: { email: `user-${randomUUID()}@example.com`, password: `Fresh-pass-${randomUUID()}` } });
    for (let i = 0; i < 3; i++) expect((await register()).errors).toBeUndefined();
    expectRateLimited(await register());
  });

  it('reset requests are limited per account (known or not) and per address', async () => {
    const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
    const email = `nobody-${randomUUID()}@example.com`;
    for (let i = 0; i < 2; i++) expect((await client.graphql(REQUEST, { e: email })).errors).toBeUndefined();
    expectRateLimited(await client.graphql(REQUEST, { e: email }));
    expect((await client.graphql(REQUEST, { e: `other-${randomUUID()}@example.com` })).errors).toBeUndefined();
    expectRateLimited(await client.graphql(REQUEST, { e: `third-${randomUUID()}@example.com` }));
  });

  it('reset tokens expire', async () => {
    const user = await registerCustomer(client);
    await client.graphql('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: user.user.email });
    const event = (await platform.events('identity.password_reset.requested.v1')).find((row) => row.data.userId === user.user.id)!;
    await sleep(2_500);
    const result = await client.graphql('mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }', { t: event.data.token, p: `${user.password}-new` });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    await signIn(client, user.user.email, user.password);
  });
});

describe('MFA codes', () => {
  it('wrong codes in confirmMfa are limited per user', async () => {
    const user = await registerCustomer(client);
    await client.graphql('mutation { setupMfa { secret } }', undefined, user.accessToken);
    const CONFIRM = 'mutation($c: String!) { confirmMfa(code: $c) }';
    for (let i = 0; i < 3; i++) expect(errorCode(await client.graphql(CONFIRM, { c: '000000' }, user.accessToken))).toBe('BAD_USER_INPUT');
    expectRateLimited(await client.graphql(CONFIRM, { c: '000000' }, user.accessToken));
  });
});
