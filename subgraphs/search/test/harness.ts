import { randomUUID } from 'node:crypto';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { signInternalToken, INTERNAL_TOKEN_HEADER } from '@drobble/kit/auth/internal-token';
import { anonymousViewer, type Role, type Viewer } from '@drobble/kit/auth/viewer';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import type { RunningService } from '@drobble/kit/runtime';
import { createEvent, type PayloadOf, type Subject } from '@drobble/schema/events';
import search from '../src/index.ts';
import { createSearchPrisma, type SearchPrisma } from '../src/infra/prisma.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface SearchHarness {
  service: RunningService;
  bus: EventBus;
  prisma: SearchPrisma;
  /** Calls /graphql as the gateway would, with an internal token for `viewer`. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse<T>>;
  /** Publishes an event as its owning context would (catalog, inventory, reviews). */
  publish<S extends Subject>(subject: S, data: PayloadOf<S>): Promise<void>;
  stop(): Promise<void>;
}

export const viewerWith = (...roles: Role[]): Viewer => ({ userId: randomUUID(), roles, sessionId: null });
export const admin = viewerWith('ADMIN');
export const customer = viewerWith('CUSTOMER');
export const anonymous = anonymousViewer;

/** The search subgraph on a fresh database and bus namespace (PGlite + in-process, or DATABASE_URL / NATS_URL). */
export async function startSearch(env: Record<string, string> = {}): Promise<SearchHarness> {
  const logger = createLogger('search-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const db = await createTestDatabase();
  const bus = await createEventBus({ natsUrl: process.env.NATS_URL, logger, namespace: `t${randomUUID().replaceAll('-', '').slice(0, 12)}` });
  const keys = generateKeyPairPem();
  const privateKey = privateKeyFromPem(keys.privateKey);
  const service = await search.start({
    env: { ELASTICSEARCH_INDEX: `drobble-test-${randomUUID().slice(0, 8)}`, ...(process.env.ELASTICSEARCH_URL ? { ELASTICSEARCH_URL: process.env.ELASTICSEARCH_URL } : {}), ...env },
    databaseUrl: db.connectionString,
    bus,
    logger,
    internalPublicKey: publicKeyFromPem(keys.publicKey),
    port: 0,
  });
  const prisma = createSearchPrisma(db.connectionString);
  return {
    service,
    bus,
    prisma,
    async gql(query, variables = {}, viewer = anonymous) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signInternalToken(viewer, privateKey) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async publish(subject, data) {
      await bus.publish(subject, createEvent(subject, data, { correlationId: 'search-test' }));
    },
    async stop() {
      await service.stop();
      await prisma.$disconnect();
      await bus.close();
      await db.drop();
    },
  };
}

export const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => ({ code: error.extensions?.code, ...(error.extensions?.field ? { field: error.extensions.field } : {}) }));

/** Retries `check` until it passes (events arrive asynchronously). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** A catalog product snapshot with sensible defaults. */
export function productSnapshot(overrides: Partial<PayloadOf<'catalog.product.updated.v1'>> = {}): PayloadOf<'catalog.product.updated.v1'> {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    slug: `p-${id.slice(0, 8)}`,
    name: 'Test Product',
    description: '',
    categoryId: null,
    active: true,
    featured: false,
    currency: 'USD',
    attributes: [],
    images: [],
    variants: [{ id: randomUUID(), sku: `SKU-${id.slice(0, 8)}`, name: 'Default', price: 1000, options: [] }],
    version: 1,
    ...overrides,
  };
}

export const SEARCH = `query Search($query: String!, $filters: SearchFilters, $sort: SearchSort, $page: Int, $pageSize: Int) {
  search(query: $query, filters: $filters, sort: $sort, page: $page, pageSize: $pageSize) {
    items { id } pageInfo { page pageSize total } facets { name values { value count } }
  }
}`;
