import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_CUSTOMER } from '../src/demo-accounts.ts';
import { LOGIN, REFRESH, errorCode, expectRefusedEverywhere, registerCustomer, signIn, startIdentityPlatform, type Auth, type IdentityPlatform, PLATFORM_START_TIMEOUT_MS } from './platform.ts';

let platform: IdentityPlatform;
let admin: Auth;
beforeAll(async () => {
  platform = await startIdentityPlatform();
  admin = await signIn(platform, DEMO_ADMIN.email, DEMO_ADMIN.password);
}, PLATFORM_START_TIMEOUT_MS);
afterAll(async () => {
  await platform?.stop();
});

const ME = '{ me { id roles status } }';
const BAN = 'mutation($id: ID!, $reason: String!) { banUser(userId: $id, reason: $reason) { id status } }';
const UNBAN = 'mutation($id: ID!) { unbanUser(userId: $id) { id status } }';
const SET_ROLES = 'mutation($id: ID!, $roles: [Role!]!) { setUserRoles(userId: $id, roles: $roles) { id roles } }';
const USERS = 'query($filter: UserFilter, $page: Int, $pageSize: Int) { users(filter: $filter, page: $page, pageSize: $pageSize) { items { id email roles status } pageInfo { page pageSize total } } }';
const ADD_ADDRESS = 'mutation($input: AddressInput!) { addAddress(input: $input) { id fullName country line2 } }';
const ADDRESS = { fullName: 'Casey Customer', line1: '1 Main Street', city: 'Springfield', postalCode: '12345', country: 'us' };

describe('banned users', () => {
  it('lose their sessions at once on identity and, through the gateway, on every subgraph; cannot refresh or sign in; unbanning lets them sign in again', async () => {
    const customer = await registerCustomer(platform);
    const banned = await platform.graphql<{ banUser: { status: string } }>(BAN, { id: customer.user.id, reason: 'chargeback fraud' }, admin.accessToken);
    expect(banned.data!.banUser.status).toBe('BANNED');
    expect(errorCode(await platform.graphql(ME, undefined, customer.accessToken))).toBe('UNAUTHENTICATED');
    await expectRefusedEverywhere(platform, customer.accessToken);
    expect(errorCode(await platform.graphql(REFRESH, { token: customer.refreshToken }))).toBe('UNAUTHENTICATED');
    const login = await platform.graphql(LOGIN, { email: customer.user.email, password: customer.password });
    expect(errorCode(login)).toBe('UNAUTHENTICATED');
    expect(login.errors![0]!.message).toMatch(/suspended/);
    const events = await platform.events('identity.user.banned.v1');
    expect(events.map((event) => event.data)).toContainEqual({ userId: customer.user.id, reason: 'chargeback fraud', bannedBy: admin.user.id });
    await platform.graphql(UNBAN, { id: customer.user.id }, admin.accessToken);
    const again = await signIn(platform, customer.user.email, customer.password);
    expect((await platform.graphql('{ myOrders { pageInfo { total } } }', undefined, again.accessToken)).status).toBe(200);
    expect((await platform.events('identity.user.unbanned.v1')).map((event) => event.data)).toContainEqual({ userId: customer.user.id, unbannedBy: admin.user.id });
  });

  it('only ADMIN may ban; a reason is required', async () => {
    const customer = await registerCustomer(platform);
    const other = await registerCustomer(platform);
    expect(errorCode(await platform.graphql(BAN, { id: other.user.id, reason: 'spite' }, customer.accessToken))).toBe('FORBIDDEN');
    expect(errorCode(await platform.graphql(BAN, { id: other.user.id, reason: 'spite' }))).toBe('UNAUTHENTICATED');
    const noReason = await platform.graphql(BAN, { id: other.user.id, reason: '  ' }, admin.accessToken);
    expect(noReason.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });
});

describe('roles', () => {
  it('a role change revokes the sessions: the old access token fails on identity, the refresh token is dead, a new sign-in carries the new roles', async () => {
    const user = await registerCustomer(platform);
    const changed = await platform.graphql<{ setUserRoles: { roles: string[] } }>(SET_ROLES, { id: user.user.id, roles: ['SUPPORT', 'CUSTOMER'] }, admin.accessToken);
    expect(changed.data!.setUserRoles.roles).toEqual(['CUSTOMER', 'SUPPORT']);
    expect(errorCode(await platform.graphql(ME, undefined, user.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await platform.graphql(REFRESH, { token: user.refreshToken }))).toBe('UNAUTHENTICATED');
    const again = await signIn(platform, user.user.email, user.password);
    expect(again.user.roles).toEqual(['CUSTOMER', 'SUPPORT']);
    const events = await platform.events('identity.user.roles_changed.v1');
    expect(events.map((event) => event.data)).toContainEqual({ userId: user.user.id, roles: ['CUSTOMER', 'SUPPORT'], previousRoles: ['CUSTOMER'], changedBy: admin.user.id });
  });

  it('the last active ADMIN keeps ADMIN; with a second admin the first can step down', async () => {
    const alone = await platform.graphql(SET_ROLES, { id: admin.user.id, roles: ['CUSTOMER'] }, admin.accessToken);
    expect(errorCode(alone)).toBe('CONFLICT');
    expect(errorCode(await platform.graphql(BAN, { id: admin.user.id, reason: 'x' }, admin.accessToken))).toBe('CONFLICT');
    const deputy = await registerCustomer(platform);
    await platform.graphql(SET_ROLES, { id: deputy.user.id, roles: ['ADMIN'] }, admin.accessToken);
    const deputyAdmin = await signIn(platform, deputy.user.email, deputy.password);
    // Two admins demoting each other at once: the row locks let exactly one through.
    const results = await Promise.all([
      platform.graphql(SET_ROLES, { id: deputy.user.id, roles: ['CUSTOMER'] }, admin.accessToken),
      platform.graphql(SET_ROLES, { id: admin.user.id, roles: ['CUSTOMER'] }, deputyAdmin.accessToken),
    ]);
    const codes = results.map((result) => errorCode(result) ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    const users = await platform.graphql<{ users: { items: { id: string }[] } }>(USERS, { filter: { role: 'ADMIN', status: 'ACTIVE' } }, codes[0] === 'OK' ? admin.accessToken : (await signIn(platform, deputy.user.email, deputy.password)).accessToken);
    expect(users.data!.users.items).toHaveLength(1);
    // Restore the demo admin for the other tests.
    if (codes[0] !== 'OK') {
      const deputyAgain = await signIn(platform, deputy.user.email, deputy.password);
      await platform.graphql(SET_ROLES, { id: admin.user.id, roles: ['ADMIN'] }, deputyAgain.accessToken);
      admin = await signIn(platform, DEMO_ADMIN.email, DEMO_ADMIN.password);
    }
  });

  it('rejects an empty role set', async () => {
    const user = await registerCustomer(platform);
    const result = await platform.graphql(SET_ROLES, { id: user.user.id, roles: [] }, admin.accessToken);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roles' });
  });
});

describe('admin user list', () => {
  it('filters by search text, role and status, paginated; ADMIN only', async () => {
    const all = await platform.graphql<{ users: { items: { email: string }[]; pageInfo: { total: number } } }>(USERS, { filter: { search: 'DROBBLE.dev' } }, admin.accessToken);
    expect(all.data!.users.items.map((user) => user.email)).toEqual(expect.arrayContaining([DEMO_ADMIN.email, DEMO_CUSTOMER.email]));
    const page = await platform.graphql<{ users: { items: unknown[]; pageInfo: { page: number; pageSize: number; total: number } } }>(USERS, { filter: { role: 'CUSTOMER' }, page: 1, pageSize: 1 }, admin.accessToken);
    expect(page.data!.users.items).toHaveLength(1);
    expect(page.data!.users.pageInfo.pageSize).toBe(1);
    expect(page.data!.users.pageInfo.total).toBeGreaterThan(1);
    expect(errorCode(await platform.graphql(USERS, { pageSize: 101 }, admin.accessToken))).toBe('BAD_USER_INPUT');
    const customer = await signIn(platform, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password);
    expect(errorCode(await platform.graphql(USERS, {}, customer.accessToken))).toBe('FORBIDDEN');
  });
});

describe('profile and addresses', () => {
  it('updates names, adds and removes addresses with validation and ownership', async () => {
    const user = await registerCustomer(platform);
    const profile = await platform.graphql<{ updateProfile: { firstName: string; lastName: string | null } }>(
      'mutation { updateProfile(firstName: " Casey ", lastName: "") { firstName lastName } }', undefined, user.accessToken);
    expect(profile.data!.updateProfile).toEqual({ firstName: 'Casey', lastName: null });
    const added = await platform.graphql<{ addAddress: { id: string; country: string; line2: string | null } }>(ADD_ADDRESS, { input: { ...ADDRESS, line2: ' ' } }, user.accessToken);
    expect(added.data!.addAddress).toMatchObject({ country: 'US', line2: null });
    const bad = await platform.graphql(ADD_ADDRESS, { input: { ...ADDRESS, country: 'XX' } }, user.accessToken);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.country' });
    const noLine = await platform.graphql(ADD_ADDRESS, { input: { ...ADDRESS, line1: '' } }, user.accessToken);
    expect(noLine.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.line1' });
    const mine = await platform.graphql<{ me: { addresses: { id: string }[] } }>('{ me { addresses { id } } }', undefined, user.accessToken);
    expect(mine.data!.me.addresses).toEqual([{ id: added.data!.addAddress.id }]);
    // Someone else cannot remove it (NOT_FOUND, nothing removed).
    const intruder = await registerCustomer(platform);
    const REMOVE = 'mutation($id: ID!) { removeAddress(id: $id) }';
    expect(errorCode(await platform.graphql(REMOVE, { id: added.data!.addAddress.id }, intruder.accessToken))).toBe('NOT_FOUND');
    expect(errorCode(await platform.graphql(REMOVE, { id: added.data!.addAddress.id }))).toBe('UNAUTHENTICATED');
    expect((await platform.graphql<{ removeAddress: boolean }>(REMOVE, { id: added.data!.addAddress.id }, user.accessToken)).data!.removeAddress).toBe(true);
    expect(errorCode(await platform.graphql(REMOVE, { id: 'not-a-uuid' }, user.accessToken))).toBe('NOT_FOUND');
  });
});

describe('privacy', () => {
  it('exportMyData returns the user own data as JSON, without secrets', async () => {
    const user = await registerCustomer(platform);
    await platform.graphql(ADD_ADDRESS, { input: ADDRESS }, user.accessToken);
    const result = await platform.graphql<{ exportMyData: string }>('{ exportMyData }', undefined, user.accessToken);
    const data = JSON.parse(result.data!.exportMyData);
    expect(data.user).toMatchObject({ id: user.user.id, email: user.user.email, roles: ['CUSTOMER'] });
    expect(data.addresses).toHaveLength(1);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(result.data!.exportMyData).not.toMatch(/argon|hash|secret|token/i);
    expect(errorCode(await platform.graphql('{ exportMyData }'))).toBe('UNAUTHENTICATED');
  });

  it('deleteMyAccount anonymises the account, revokes sessions and emits identity.user.deleted', async () => {
    const user = await registerCustomer(platform);
    const DELETE = 'mutation($p: String!) { deleteMyAccount(password: $p) }';
    expect(errorCode(await platform.graphql(DELETE, { p: 'Wrong-password-123' }, user.accessToken))).toBe('UNAUTHENTICATED');
    expect((await platform.graphql<{ deleteMyAccount: boolean }>(DELETE, { p: user.password }, user.accessToken)).data!.deleteMyAccount).toBe(true);
    expect(errorCode(await platform.graphql(ME, undefined, user.accessToken))).toBe('UNAUTHENTICATED');
    expect(errorCode(await platform.graphql(REFRESH, { token: user.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await platform.graphql(LOGIN, { email: user.user.email, password: user.password }))).toBe('UNAUTHENTICATED');
    const found = await platform.graphql<{ users: { items: unknown[] } }>(USERS, { filter: { search: user.user.email } }, admin.accessToken);
    expect(found.data!.users.items).toEqual([]);
    expect((await platform.events('identity.user.deleted.v1')).map((event) => event.data)).toContainEqual({ userId: user.user.id });
    // The email is free again.
    await platform.graphql('mutation($input: RegisterInput!) { register(input: $input) { user { id } } }', { input: { email: user.user.email, password: user.password } });
  });
});
