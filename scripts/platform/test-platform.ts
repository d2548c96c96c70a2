import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import { launchPlatform, type RunningPlatform } from './launch.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestPlatform extends RunningPlatform {
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, accessToken?: string): Promise<GraphQLResponse<T>>;
}

/**
 * The whole platform for one test file: its own database (fresh PostgreSQL database when
 * DATABASE_URL is set, else memory PGlite), its own bus namespace on NATS when NATS_URL is set.
 */
export async function startTestPlatform(options: { seedDemoData?: boolean } = {}): Promise<TestPlatform> {
  const database = await createTestDatabase();
  const platform = await launchPlatform({
    env: { ...process.env, NODE_ENV: 'test' },
    logger: createLogger('test', process.env.LOG_LEVEL ?? 'silent'),
    databaseUrl: database.connectionString,
    natsUrl: process.env.NATS_URL,
    busNamespace: `t${randomUUID().slice(0, 8)}`,
    ports: 'ephemeral',
    seedDemoData: options.seedDemoData ?? true,
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  return {
    ...platform,
    stop: async () => {
      await platform.stop();
      await database.drop();
    },
    graphql: async (query, variables, accessToken) => {
      const response = await fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
  };
}
