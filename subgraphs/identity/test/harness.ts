import { randomUUID } from 'node:crypto';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@drobble/kit/auth/internal-token';
import { anonymousViewer, type Viewer } from '@drobble/kit/auth/viewer';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { busAdapters } from '@drobble/kit/bus/test-harness';
import { createTestDatabase, type TestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import type { RunningService } from '@drobble/kit/runtime';
import identity from '../src/index.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

/** The identity subgraph started in-process on a private database, called as the gateway would. */
export interface IdentityHarness {
  service: RunningService;
  database: TestDatabase;
  /** The bus the subgraph publishes on (subscribe to see its events). */
  bus: EventBus;
  accessPublicKeyPem: string;
  /** POSTs an operation with a valid internal token for `viewer` (anonymous by default). */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse<T>>;
  /** POSTs with exactly these headers (no internal token unless given). */
  raw(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** The private key of the gateway, for forging tests (sign with another key). */
  internalPrivateKeyPem: string;
  close(): Promise<void>;
}

export async function startIdentity(env: Record<string, string> = {}): Promise<IdentityHarness> {
  const logger = createLogger('identity-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const database = await createTestDatabase();
  // JetStream when NATS_URL is set, else in-process; a private namespace, deleted on close.
  const busHarness = busAdapters.find((adapter) => adapter.name === (process.env.NATS_URL ? 'jetstream' : 'in-process'))!.create(logger);
  try {
    const bus = await busHarness.open();
    const internal = generateKeyPairPem();
    const access = generateKeyPairPem();
    const service = await identity.start({
      env: { ACCESS_TOKEN_PRIVATE_KEY: access.privateKey, ...env },
      databaseUrl: database.connectionString,
      bus,
      logger,
      internalPublicKey: publicKeyFromPem(internal.publicKey),
      port: 0,
      host: '127.0.0.1',
    });
    const internalKey = privateKeyFromPem(internal.privateKey);
    const raw = async (body: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${service.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: response.status, body: await response.text() };
    };
    return {
      service,
      database,
      bus,
      accessPublicKeyPem: access.publicKey,
      internalPrivateKeyPem: internal.privateKey,
      raw,
      async graphql(query, variables, viewer = anonymousViewer) {
        const token = await signInternalToken(viewer, internalKey);
        const response = await raw({ query, variables }, { [INTERNAL_TOKEN_HEADER]: token });
        return { status: response.status, ...JSON.parse(response.body) };
      },
      async close() {
        await service.stop();
        await busHarness.cleanup();
        await database.drop();
      },
    };
  } catch (error) {
    await busHarness.cleanup();
    await database.drop();
    throw error;
  }
}

export const AUTH_FIELDS = 'accessToken refreshToken accessTokenExpiresAt user { id email firstName lastName roles status mfaEnabled createdAt }';

export interface AuthPayloadResult {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  user: { id: string; email: string; firstName: string | null; lastName: string | null; roles: string[]; status: string; mfaEnabled: boolean; createdAt: string };
}

/** A unique, policy-compliant email/password pair. */
export const newCredentials = () => ({ email: `user-${randomUUID()}@example.com`, password: `Fresh-pass-${randomUUID().slice(0, 8)}` });
