import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken } from '@drobble/kit/auth/access-token';
import { publicKeyFromPem } from '@drobble/kit/auth/keys';
import { AUTH_FIELDS, newCredentials, startIdentity, type AuthPayloadResult, type IdentityHarness } from './harness.ts';
import { outboxEvents } from './outbox.ts';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_FIELDS} } }`;

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(async () => {
  await identity?.close();
});

const registerAs = (input: Record<string, unknown>) => identity.graphql<{ register: AuthPayloadResult }>(REGISTER, { input });
const loginAs = (email: string, password: string) => identity.graphql<{ login: AuthPayloadResult }>(LOGIN, { email, password });

describe('register', () => {
  it('creates a CUSTOMER with a lowercased email and signs them in', async () => {
    const { email, password } = newCredentials();
    const result = await registerAs({ email: `  ${email.toUpperCase()} `, password, firstName: ' Ada ', lastName: 'Lovelace' });
    expect(result.errors).toBeUndefined();
    const payload = result.data!.register;
    expect(payload.user).toMatchObject({ email, firstName: 'Ada', lastName: 'Lovelace', roles: ['CUSTOMER'], status: 'ACTIVE', mfaEnabled: false });
    expect(payload.user.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const verified = await verifyAccessToken(payload.accessToken, publicKeyFromPem(identity.accessPublicKeyPem));
    expect(verified?.viewer).toMatchObject({ userId: payload.user.id, roles: ['CUSTOMER'] });
    const ttl = new Date(payload.accessTokenExpiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
  });

  it('writes identity.user.registered.v1 to the outbox without secrets', async () => {
    const { email, password } = newCredentials();
    const { data } = await registerAs({ email, password });
    const events = (await outboxEvents(identity.database.connectionString)).filter((event) => event.envelope.data.userId === data!.register.user.id);
    expect(events.map((event) => event.subject)).toEqual(['identity.user.registered.v1', 'identity.user.logged_in.v1']);
    expect(events[0]!.envelope.data).toEqual({ userId: data!.register.user.id, email, firstName: null, lastName: null, roles: ['CUSTOMER'] });
    const text = JSON.stringify(events);
    expect(text).not.toContain(password);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain(data!.register.refreshToken);
  });

  it('publishes identity.user.registered.v1 on the bus through the outbox relay', async () => {
    const received: unknown[] = [];
    const subscription = await identity.bus.subscribe({
      durable: 'identity-test-registered',
      subjects: ['identity.user.registered.v1'],
      handler: async (event) => {
        received.push(event.data);
      },
    });
    try {
      const { email, password } = newCredentials();
      const userId = (await registerAs({ email, password })).data!.register.user.id;
      await expect.poll(() => received, { timeout: 10_000 }).toContainEqual({ userId, email, firstName: null, lastName: null, roles: ['CUSTOMER'] });
    } finally {
      await subscription.stop();
    }
  });

  it('refuses a duplicate email (any case) with CONFLICT', async () => {
    const { email, password } = newCredentials();
    expect((await registerAs({ email, password })).errors).toBeUndefined();
    const again = await registerAs({ email: email.toUpperCase(), password: `${password}-other` });
    expect(again.data).toBeNull();
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('lets exactly one of several concurrent registrations of one email win; the rest get CONFLICT', async () => {
    const { email, password } = newCredentials();
    const results = await Promise.all(Array.from({ length: 4 }, () => registerAs({ email, password })));
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
  });

  it.each([
    ['Too-short1', /at least 12 characters/],
    ['password1234', /too common/],
    ['QwertyUiop123', /too common/],
  ])('refuses the weak password %j with BAD_USER_INPUT on field password', async (password, message) => {
    const result = await registerAs({ email: newCredentials().email, password });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it('refuses a malformed email with BAD_USER_INPUT on field email', async () => {
    const result = await registerAs({ email: 'not-an-email', password: newCredentials().password });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });
});

describe('login', () => {
  it('signs in with the right password, email in any case', async () => {
    const { email, password } = newCredentials();
    const registered = (await registerAs({ email, password })).data!.register;
    const result = await loginAs(email.toUpperCase(), password);
    expect(result.errors).toBeUndefined();
    expect(result.data!.login.user.id).toBe(registered.user.id);
    expect(result.data!.login.refreshToken).not.toBe(registered.refreshToken);
    const events = await outboxEvents(identity.database.connectionString);
    expect(events.filter((event) => event.subject === 'identity.user.logged_in.v1' && event.envelope.data.userId === registered.user.id)).toHaveLength(2);
  });

  it('fails identically for a wrong password and an unknown email', async () => {
    const { email, password } = newCredentials();
    await registerAs({ email, password });
    const wrongPassword = await loginAs(email, `${password}x`);
    const unknownEmail = await loginAs(`nobody-${email}`, password);
    for (const result of [wrongPassword, unknownEmail]) {
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect(wrongPassword.errors![0]!.extensions).toEqual(unknownEmail.errors![0]!.extensions);
    const failures = (await outboxEvents(identity.database.connectionString)).filter((event) => event.subject === 'identity.login.failed.v1');
    expect(failures.map((event) => event.envelope.data)).toEqual(
      expect.arrayContaining([{ email, reason: 'INVALID_CREDENTIALS' }, { email: `nobody-${email}`, reason: 'INVALID_CREDENTIALS' }]),
    );
  });

});
