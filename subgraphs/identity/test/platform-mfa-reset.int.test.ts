import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/domain/totp.ts';
import { LOGIN, REFRESH, errorCode, registerCustomer, signIn, startIdentityPlatform, type Auth, type IdentityPlatform, PLATFORM_START_TIMEOUT_MS } from './platform.ts';

let platform: IdentityPlatform;
beforeAll(async () => {
  // Every request here comes from 127.0.0.1: lift the per-address reset limit (platform-limits tests it).
  platform = await startIdentityPlatform({ PASSWORD_RESETS_PER_ADDRESS: '1000' });
}, PLATFORM_START_TIMEOUT_MS);
afterAll(async () => {
  await platform?.stop();
});

const STEP_MS = 30_000;
/** Waits until at least 20 s of the current TOTP step remain, so codes of steps -1, 0 and +1 stay valid for the test. */
async function freshStep(): Promise<Date> {
  const intoStep = Date.now() % STEP_MS;
  if (intoStep > STEP_MS - 20_000) await new Promise((resolve) => setTimeout(resolve, STEP_MS - intoStep + 200));
  return new Date();
}
const codeAt = (secret: string, base: Date, steps: number) => totpCode(secret, new Date(base.getTime() + steps * STEP_MS));

describe('MFA (TOTP)', () => {
  it('enrols, then requires a fresh code at sign-in, never accepts one twice, and turns off with a code', async () => {
    const user = await registerCustomer(platform);
    const setup = await platform.graphql<{ setupMfa: { secret: string; otpauthUrl: string } }>('mutation { setupMfa { secret otpauthUrl } }', undefined, user.accessToken);
    const { secret, otpauthUrl } = setup.data!.setupMfa;
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(otpauthUrl).toContain(encodeURIComponent(user.user.email));
    const CONFIRM = 'mutation($c: String!) { confirmMfa(code: $c) }';
    const wrong = await platform.graphql(CONFIRM, { c: '000000' }, user.accessToken);
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const base = await freshStep();
    expect((await platform.graphql<{ confirmMfa: boolean }>(CONFIRM, { c: codeAt(secret, base, -1) }, user.accessToken)).data!.confirmMfa).toBe(true);
    expect((await platform.graphql<{ me: { mfaEnabled: boolean } }>('{ me { mfaEnabled } }', undefined, user.accessToken)).data!.me.mfaEnabled).toBe(true);

    const credentials = { email: user.user.email, password: user.password };
    for (const mfaCode of [undefined, '123456', codeAt(secret, base, -1)]) {
      const refused = await platform.graphql(LOGIN, { ...credentials, mfaCode });
      expect(refused.data).toBeNull();
      expect(refused.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', mfaRequired: true });
    }
    const signedIn = await signIn(platform, credentials.email, credentials.password, codeAt(secret, base, 0));
    expect(signedIn.user.mfaEnabled).toBe(true);
    // The code just used is spent, even with the right password.
    expect(errorCode(await platform.graphql(LOGIN, { ...credentials, mfaCode: codeAt(secret, base, 0) }))).toBe('UNAUTHENTICATED');
    const logins = await platform.events('identity.user.logged_in.v1');
    expect(logins.map((event) => event.data)).toContainEqual(expect.objectContaining({ userId: user.user.id, mfa: true }));

    const DISABLE = 'mutation($c: String!) { disableMfa(code: $c) }';
    expect(errorCode(await platform.graphql(DISABLE, { c: codeAt(secret, base, 0) }, signedIn.accessToken))).toBe('BAD_USER_INPUT');
    expect((await platform.graphql<{ disableMfa: boolean }>(DISABLE, { c: codeAt(secret, base, 1) }, signedIn.accessToken)).data!.disableMfa).toBe(true);
    expect((await signIn(platform, credentials.email, credentials.password)).user.mfaEnabled).toBe(false);
  });

  it('needs a signed-in user', async () => {
    expect(errorCode(await platform.graphql('mutation { setupMfa { secret } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('password reset', () => {
  const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
  const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';

  async function resetTokenFor(userId: string): Promise<string> {
    const events = (await platform.events('identity.password_reset.requested.v1')).filter((event) => event.data.userId === userId);
    return events.at(-1)!.data.token as string;
  }

  it('works end to end with the token from the event, revokes every session, and is single use', async () => {
    const user = await registerCustomer(platform);
    const second = await signIn(platform, user.user.email, user.password);
    expect((await platform.graphql<{ requestPasswordReset: boolean }>(REQUEST, { e: user.user.email.toUpperCase() })).data!.requestPasswordReset).toBe(true);
    const events = (await platform.events('identity.password_reset.requested.v1')).filter((event) => event.data.userId === user.user.id);
    expect(events).toHaveLength(1);
    const data = events[0]!.data;
    expect(data).toEqual({ userId: user.user.id, email: user.user.email, firstName: null, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresAt: expect.any(String) });
    const ttl = new Date(data.expiresAt as string).getTime() - new Date(events[0]!.occurredAt as string).getTime();
    expect(ttl).toBe(30 * 60 * 1000);

    const token = data.token as string;
    const weak = await platform.graphql(RESET, { t: token, p: 'short' });
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', rule: 'MIN_LENGTH' });
    const newPassword = `${user.password}-renewed`;
    expect((await platform.graphql<{ resetPassword: boolean }>(RESET, { t: token, p: newPassword })).data!.resetPassword).toBe(true);
    for (const session of [user, second]) {
      expect(errorCode(await platform.graphql(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await platform.graphql('{ me { id } }', undefined, session.accessToken))).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await platform.graphql(LOGIN, { email: user.user.email, password: user.password }))).toBe('UNAUTHENTICATED');
    await signIn(platform, user.user.email, newPassword);
    const reused = await platform.graphql(RESET, { t: token, p: `${newPassword}-again` });
    expect(reused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('answers true for unknown emails and emits nothing for them', async () => {
    const before = (await platform.events('identity.password_reset.requested.v1')).length;
    expect((await platform.graphql<{ requestPasswordReset: boolean }>(REQUEST, { e: 'nobody-at-all@example.com' })).data!.requestPasswordReset).toBe(true);
    expect((await platform.graphql<{ requestPasswordReset: boolean }>(REQUEST, { e: 'not an email' })).data!.requestPasswordReset).toBe(true);
    expect((await platform.events('identity.password_reset.requested.v1')).length).toBe(before);
  });

  it('a newer request voids the older link; two concurrent resets with one token: exactly one wins', async () => {
    const user = await registerCustomer(platform);
    await platform.graphql(REQUEST, { e: user.user.email });
    const first = await resetTokenFor(user.user.id);
    await platform.graphql(REQUEST, { e: user.user.email });
    const latest = await resetTokenFor(user.user.id);
    expect(latest).not.toBe(first);
    expect(errorCode(await platform.graphql(RESET, { t: first, p: `${user.password}-one` }))).toBe('BAD_USER_INPUT');
    const results = await Promise.all(['-a', '-b'].map((suffix) => platform.graphql<{ resetPassword: boolean }>(RESET, { t: latest, p: `${user.password}${suffix}` })));
    expect(results.filter((result) => result.data?.resetPassword === true)).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === 'BAD_USER_INPUT')).toHaveLength(1);
  });

  it('refuses made-up tokens', async () => {
    expect(errorCode(await platform.graphql(RESET, { t: 'x'.repeat(43), p: 'A-perfectly-fine-passphrase' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await platform.graphql(RESET, { t: '', p: 'A-perfectly-fine-passphrase' }))).toBe('BAD_USER_INPUT');
  });
});

describe('events carry no secrets', () => {
  it('no identity event but the password reset request carries a token, and none a hash', async () => {
    const user: Auth = await registerCustomer(platform);
    await platform.graphql(LOGIN, { email: user.user.email, password: 'Wrong-password-123' });
    const subjects = ['identity.user.registered.v1', 'identity.user.logged_in.v1', 'identity.login.failed.v1', 'identity.session.revoked.v1', 'identity.user.deleted.v1'];
    for (const subject of subjects) {
      for (const event of await platform.events(subject)) expect(JSON.stringify(event)).not.toMatch(/argon2|hash|token|secret|password"/i);
    }
  });
});
