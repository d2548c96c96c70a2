import { randomUUID } from 'node:crypto';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { signInternalToken, INTERNAL_TOKEN_HEADER } from '@drobble/kit/auth/internal-token';
import { anonymousViewer, type Role, type Viewer } from '@drobble/kit/auth/viewer';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { createTestDatabase, type TestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import type { RunningService } from '@drobble/kit/runtime';
import catalog from '../src/index.ts';
import { createCatalogPrisma, type CatalogPrisma } from '../src/infra/prisma.ts';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface CatalogHarness {
  service: RunningService;
  bus: EventBus;
  databaseUrl: string;
  /** A separate client on the catalog schema, to look at rows (outbox, products) directly. */
  prisma: CatalogPrisma;
  /** Calls /graphql as the gateway would, with an internal token for `viewer`. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export const viewerWith = (...roles: Role[]): Viewer => ({ userId: randomUUID(), roles, sessionId: null });
export const admin = viewerWith('ADMIN');
export const seller = viewerWith('SELLER');
export const customer = viewerWith('CUSTOMER');
export const anonymous = anonymousViewer;

/**
 * Starts the catalog subgraph on a fresh database (PGlite by default, DATABASE_URL's server when
 * set) and a bus (in-process, or NATS_URL's JetStream in a private namespace).
 */
export async function startCatalog(env: Record<string, string> = {}): Promise<CatalogHarness> {
  const logger = createLogger('catalog-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const db: TestDatabase = await createTestDatabase();
  const bus = await createEventBus({ natsUrl: process.env.NATS_URL, logger, namespace: `t${randomUUID().replaceAll('-', '').slice(0, 12)}` });
  const keys = generateKeyPairPem();
  const privateKey = privateKeyFromPem(keys.privateKey);
  const service = await catalog.start({
    env: { SEED_DEMO_DATA: 'false', ...env },
    databaseUrl: db.connectionString,
    bus,
    logger,
    internalPublicKey: publicKeyFromPem(keys.publicKey),
    port: 0,
  });
  const prisma = createCatalogPrisma(db.connectionString);
  return {
    service,
    bus,
    databaseUrl: db.connectionString,
    prisma,
    async gql(query, variables = {}, viewer = admin) {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signInternalToken(viewer, privateKey) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async stop() {
      await service.stop();
      await prisma.$disconnect();
      await bus.close();
      await db.drop();
    },
  };
}

/** The error codes (and fields) of a response, for compact assertions. */
export const errorsOf = (response: GraphQLResponse) =>
  (response.errors ?? []).map((error) => ({ code: error.extensions?.code, ...(error.extensions?.field ? { field: error.extensions.field } : {}) }));

export const PRODUCT_FIELDS = `
  id slug name description images featured active version createdAt updatedAt
  attributes { key value }
  category { id name slug }
  price { amount currency }
  variants { id sku name price { amount currency } options { name value } }
`;

export const CREATE_PRODUCT = `mutation Create($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT_FIELDS} } }`;
export const CREATE_CATEGORY = `mutation Cat($name: String!, $parentId: ID) { createCategory(name: $name, parentId: $parentId) { id name slug parent { id } } }`;
