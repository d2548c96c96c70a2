import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessToken } from '@drobble/kit/auth/access-token';
import { publicKeyFromPem } from '@drobble/kit/auth/keys';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { AUTH_FIELDS, newCredentials, startIdentity, type AuthPayloadResult, type IdentityHarness } from './harness.ts';
import { outboxEvents } from './outbox.ts';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`;
const REFRESH = `mutation($token: String!) { refreshToken(refreshToken: $token) { ${AUTH_FIELDS} } }`;
const LOGOUT = 'mutation($token: String!) { logout(refreshToken: $token) }';
const ME = 'query { me { id email roles addresses { id } } }';

let identity: IdentityHarness;
beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(async () => {
  await identity?.close();
});

async function signUp(): Promise<AuthPayloadResult> {
  const result = await identity.graphql<{ register: AuthPayloadResult }>(REGISTER, { input: newCredentials() });
  expect(result.errors).toBeUndefined();
  return result.data!.register;
}

const refresh = (token: string) => identity.graphql<{ refreshToken: AuthPayloadResult }>(REFRESH, { token });

/** The viewer the gateway would forward for this access token. */
async function viewerOf(accessToken: string): Promise<Viewer> {
  const verified = await verifyAccessToken(accessToken, publicKeyFromPem(identity.accessPublicKeyPem));
  if (!verified) throw new Error('access token did not verify');
  return verified.viewer;
}

describe('refreshToken', () => {
  it('rotates: a new refresh token and access token for the same session, each use once', async () => {
    const first = await signUp();
    const second = await refresh(first.refreshToken);
    expect(second.errors).toBeUndefined();
    const rotated = second.data!.refreshToken;
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.user.id).toBe(first.user.id);
    expect((await viewerOf(rotated.accessToken)).sessionId).toBe((await viewerOf(first.accessToken)).sessionId);
    const third = await refresh(rotated.refreshToken);
    expect(third.errors).toBeUndefined();
  });

  it('revokes the whole family when an already used token comes back', async () => {
    const first = await signUp();
    const second = (await refresh(first.refreshToken)).data!.refreshToken;
    const reuse = await refresh(first.refreshToken);
    expect(reuse.data).toBeNull();
    expect(reuse.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The legitimate-looking latest token is dead too: the family is revoked.
    const latest = await refresh(second.refreshToken);
    expect(latest.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sessionId = (await viewerOf(first.accessToken)).sessionId;
    const revoked = (await outboxEvents(identity.database.connectionString)).filter((event) => event.subject === 'identity.session.revoked.v1' && event.envelope.data.sessionId === sessionId);
    expect(revoked.map((event) => event.envelope.data.reason)).toEqual(['REFRESH_TOKEN_REUSE']);
  });

  it('lets exactly one of several concurrent uses of one token win', async () => {
    const first = await signUp();
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(first.refreshToken)));
    const winners = results.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => result.errors)) expect(loser.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses unknown, empty and oversized tokens with UNAUTHENTICATED', async () => {
    for (const token of ['not-a-token', '', 'x'.repeat(10_000)]) {
      const result = await refresh(token);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('logout', () => {
  it('revokes the session: its refresh token no longer works; true even when repeated', async () => {
    const session = await signUp();
    const out = await identity.graphql<{ logout: boolean }>(LOGOUT, { token: session.refreshToken });
    expect(out).toMatchObject({ data: { logout: true } });
    expect((await refresh(session.refreshToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await identity.graphql(LOGOUT, { token: session.refreshToken })).data).toEqual({ logout: true });
    expect((await identity.graphql(LOGOUT, { token: 'unknown' })).data).toEqual({ logout: true });
  });

  it('leaves the user\'s other sessions alone', async () => {
    const { email, password } = newCredentials();
    const first = (await identity.graphql<{ register: AuthPayloadResult }>(REGISTER, { input: { email, password } })).data!.register;
    const second = (await identity.graphql<{ login: AuthPayloadResult }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${AUTH_FIELDS} } }`, { e: email, p: password })).data!.login;
    await identity.graphql(LOGOUT, { token: first.refreshToken });
    expect((await refresh(second.refreshToken)).errors).toBeUndefined();
  });
});

describe('me', () => {
  it('is null for anonymous callers', async () => {
    expect(await identity.graphql(ME)).toMatchObject({ status: 200, data: { me: null } });
  });

  it('is the signed-in user', async () => {
    const session = await signUp();
    const result = await identity.graphql(ME, undefined, await viewerOf(session.accessToken));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ me: { id: session.user.id, email: session.user.email, roles: ['CUSTOMER'], addresses: [] } });
  });
});

describe('User entity', () => {
  const ENTITIES = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id firstName roles } } }';
  const PRIVATE = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id email } } }';

  it('resolves references in one batch, null for unknown ids', async () => {
    const [a, b] = [await signUp(), await signUp()];
    const representations = [a, b].map((session) => ({ __typename: 'User', id: session.user.id }));
    representations.push({ __typename: 'User', id: '00000000-0000-4000-8000-000000000000' }, { __typename: 'User', id: 'not-a-uuid' });
    const result = await identity.graphql(ENTITIES, { representations });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ id: a.user.id, firstName: null, roles: ['CUSTOMER'] }, { id: b.user.id, firstName: null, roles: ['CUSTOMER'] }, null, null] });
  });

  it('hides email from other users, shows it to the user and to ADMIN', async () => {
    const [owner, other] = [await signUp(), await signUp()];
    const representations = [{ __typename: 'User', id: owner.user.id }];
    const asOther = await identity.graphql(PRIVATE, { representations }, await viewerOf(other.accessToken));
    expect(asOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asOwner = await identity.graphql(PRIVATE, { representations }, await viewerOf(owner.accessToken));
    expect(asOwner.data).toEqual({ _entities: [{ id: owner.user.id, email: owner.user.email }] });
    const admin: Viewer = { userId: other.user.id, roles: ['ADMIN'], sessionId: null };
    expect((await identity.graphql(PRIVATE, { representations }, admin)).data).toEqual({ _entities: [{ id: owner.user.id, email: owner.user.email }] });
  });
});
