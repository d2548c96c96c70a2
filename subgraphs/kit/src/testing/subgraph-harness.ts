import { randomUUID } from 'node:crypto';
import { createEvent, type EventMeta, type EventOf, type PayloadOf, type Subject } from '@drobble/schema/events';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../auth/internal-token.ts';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '../auth/keys.ts';
import type { Role, Viewer } from '../auth/viewer.ts';
import { busAdapters } from '../bus/test-harness.ts';
import type { EventBus } from '../bus/event-bus.ts';
import { createTestDatabase, type TestDatabase } from '../db/test-database.ts';
import { createLogger } from '../logger.ts';
import type { RunningService, SubgraphModule } from '../runtime.ts';
import { disconnectWithin } from '../db/prisma-adapter.ts';

/**
 * Test support for a subgraph's integration tests: the subgraph on a fresh database (PGlite, or a
 * new database on DATABASE_URL's server) and a private bus namespace (in-process, or JetStream
 * when NATS_URL is set), called as the gateway would call it.
 */

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export const viewerWith = (...roles: Role[]): Viewer => ({ userId: randomUUID(), roles, sessionId: null });

export interface SubgraphHarness<P> {
  service: RunningService;
  db: TestDatabase;
  bus: EventBus;
  /** A separate client on the context's schema, to look at rows directly. */
  prisma: P;
  /** Publishes a valid event as another context would. */
  publish<S extends Subject>(subject: S, data: PayloadOf<S>, meta?: PublishMeta): Promise<EventOf<S>>;
  /** POST /graphql with an internal token for `viewer` (the harness's defaultViewer unless given). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** An event's metadata, all optional (correlationId defaults to `<context>-test`); actorId is a CUSTOMER actor. */
export interface PublishMeta extends Partial<EventMeta> {
  actorId?: string;
}

export interface HarnessOptions<P> {
  env?: Record<string, string>;
  /** Who gql calls as when no viewer is given (default: an ADMIN). */
  defaultViewer?: Viewer;
  /** The context's Prisma client on a connection string. */
  createPrisma(connectionString: string): P;
}

export async function startSubgraphHarness<P extends { $disconnect(): Promise<void> }>(module: SubgraphModule, options: HarnessOptions<P>): Promise<SubgraphHarness<P>> {
  const logger = createLogger(`${module.name}-test`, process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = await createTestDatabase();
  // JetStream when NATS_URL is set, else in-process; a private namespace, deleted on stop.
  const busHarness = busAdapters.find((adapter) => adapter.name === (process.env.NATS_URL ? 'jetstream' : 'in-process'))!.create(logger);
  const bus = await busHarness.open();
  const keys = generateKeyPairPem();
  const privateKey = privateKeyFromPem(keys.privateKey);
  const service = await module
    .start({ env: options.env ?? {}, databaseUrl: db.connectionString, bus, logger, internalPublicKey: publicKeyFromPem(keys.publicKey), port: 0 })
    .catch(async (error: unknown) => {
      await busHarness.cleanup();
      await db.drop();
      throw error;
    });
  const prisma = options.createPrisma(db.connectionString);
  const defaultViewer = options.defaultViewer ?? viewerWith('ADMIN');
  return {
    service,
    db,
    bus,
    prisma,
    async publish(subject, data, meta = {}) {
      const { actorId, ...eventMeta } = meta;
      const actor = eventMeta.actor ?? (actorId ? { userId: actorId, roles: ['CUSTOMER'] } : null);
      const event = createEvent(subject, data, { correlationId: `${module.name}-test`, ...eventMeta, actor });
      await bus.publish(subject, event);
      return event;
    },
    async gql(query, variables = {}, viewer = defaultViewer) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signInternalToken(viewer, privateKey) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async stop() {
      await service.stop();
      await disconnectWithin(prisma);
      await busHarness.cleanup();
      await db.drop();
    },
  };
}

/** Retries `check` until it stops throwing (events arrive asynchronously). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 30_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

export const errorCodes = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);
