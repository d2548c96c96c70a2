import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { generateKeyPairPem } from '@drobble/kit/auth/keys';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import { launchPlatform, type RunningPlatform } from '../../../scripts/platform/launch.ts';
import type { GraphQLResponse } from './harness.ts';
import { outboxEvents } from './outbox.ts';

/**
 * The whole platform through its gateway, as scripts/platform/test-platform.ts starts it, plus what
 * identity's tests need on top: identity settings (limits), the platform's keys (to forge tokens
 * signed with the right key but wrong claims), and the identity outbox (to read events, such as
 * the password reset token, exactly as notifications receives them).
 */
export interface IdentityPlatform extends RunningPlatform {
  keys: { access: { privateKey: string; publicKey: string }; internal: { privateKey: string; publicKey: string } };
  /** POSTs through the gateway; every response is checked for leaked hashes, tokens' hashes and stack traces. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, accessToken?: string): Promise<GraphQLResponse<T>>;
  /** POSTs with exactly these headers to any URL (raw body back, no checks). */
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Identity outbox events of a subject (payload + envelope), oldest first. */
  events(subject: string): Promise<{ data: Record<string, unknown>; [key: string]: unknown }[]>;
  /**
   * The same platform, every graphql call arriving through a proxy that saw `forwardedFor` (sent as
   * X-Forwarded-For; the gateway trusts it only when started with TRUSTED_PROXY_HOPS).
   */
  from(forwardedFor: string): IdentityPlatform;
}

/** What no response may ever contain: password or token hashes, secrets' storage form, stack traces. */
export function expectNoLeaks(body: string): void {
  expect(body).not.toMatch(/\$argon2/);
  expect(body).not.toMatch(/password_?hash|token_?hash|mfa_?secret/i);
  expect(body).not.toMatch(/"stack"|stacktrace|\bat [^"]+\.ts:\d+/i);
  expect(body).not.toMatch(/prisma|PrismaClient|SELECT |invalid input syntax/i);
}

export async function startIdentityPlatform(env: Record<string, string> = {}): Promise<IdentityPlatform> {
  const database = await createTestDatabase();
  const keys = { access: generateKeyPairPem(), internal: generateKeyPairPem() };
  const keyEnv = {
    ACCESS_TOKEN_PRIVATE_KEY: keys.access.privateKey,
    ACCESS_TOKEN_PUBLIC_KEY: keys.access.publicKey,
    INTERNAL_TOKEN_PRIVATE_KEY: keys.internal.privateKey,
    INTERNAL_TOKEN_PUBLIC_KEY: keys.internal.publicKey,
  };
  const platform = await launchPlatform({
    env: { ...process.env, NODE_ENV: 'test', ...keyEnv, ...env },
    logger: createLogger('identity-platform-test', process.env.LOG_LEVEL ?? 'silent'),
    databaseUrl: database.connectionString,
    natsUrl: process.env.NATS_URL,
    busNamespace: `t${randomUUID().slice(0, 8)}`,
    ports: 'ephemeral',
    seedDemoData: true,
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.text() };
  };
  const caller = (forwardedFor?: string): IdentityPlatform['graphql'] => async (query, variables, accessToken) => {
    const headers = { ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) };
    const response = await post(platform.gatewayUrl, { query, variables }, headers);
    expectNoLeaks(response.body);
    return { status: response.status, ...JSON.parse(response.body) };
  };
  const identityPlatform: IdentityPlatform = {
    ...platform,
    keys,
    post,
    graphql: caller(),
    from: (forwardedFor) => ({ ...identityPlatform, graphql: caller(forwardedFor) }),
    async events(subject) {
      return (await outboxEvents(database.connectionString)).filter((row) => row.subject === subject).map((row) => row.envelope);
    },
    async stop() {
      await platform.stop();
      await database.drop();
    },
  };
  return identityPlatform;
}

export const AUTH = 'accessToken refreshToken accessTokenExpiresAt user { id email roles status mfaEnabled }';
export const LOGIN = `mutation($email: String!, $password: String!, $mfaCode: String) { login(email: $email, password: $password, mfaCode: $mfaCode) { ${AUTH} } }`;
export const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { ${AUTH} } }`;
export const REFRESH = `mutation($token: String!) { refreshToken(refreshToken: $token) { ${AUTH} } }`;

export interface Auth {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; roles: string[]; status: string; mfaEnabled: boolean };
}

/** Registers a fresh customer through the gateway and returns its tokens and password. */
export async function registerCustomer(platform: IdentityPlatform): Promise<Auth & { password: string }> {
  const password = `Fresh-pass-${randomUUID().slice(0, 8)}`;
  const result = await platform.graphql<{ register: Auth }>(REGISTER, { input: { email: `user-${randomUUID()}@example.com`, password } });
  expect(result.errors).toBeUndefined();
  return { ...result.data!.register, password };
}

const MY_ORDERS = '{ myOrders { pageInfo { total } } }';

/**
 * Waits until the gateway refuses `accessToken` outright (401) on a field of another subgraph
 * (orders): every gateway replica learns of revocations from identity's events, a moment after
 * the change commits.
 */
export async function expectRefusedEverywhere(platform: IdentityPlatform, accessToken: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await platform.graphql(MY_ORDERS, undefined, accessToken);
    if (response.status === 401) return expect(errorCode(response)).toBe('UNAUTHENTICATED');
    if (Date.now() > deadline) throw new Error(`token still accepted by the gateway after ${timeoutMs} ms (status ${response.status})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Signs in through the gateway; fails the test on any error. */
export async function signIn(platform: IdentityPlatform, email: string, password: string, mfaCode?: string): Promise<Auth> {
  const result = await platform.graphql<{ login: Auth }>(LOGIN, { email, password, mfaCode });
  expect(result.errors).toBeUndefined();
  return result.data!.login;
}

/** The whole platform (a dozen subgraphs) on the embedded PGlite starts in 1-2 minutes on a loaded 2-core machine. */
export const PLATFORM_START_TIMEOUT_MS = 300_000;

export const errorCode = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;
