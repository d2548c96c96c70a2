import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { startSubgraphHarness, viewerWith, type GraphQLResponse, type SubgraphHarness } from '@drobble/kit/testing/subgraph-harness';
import catalog from '../src/index.ts';
import { createCatalogPrisma, type CatalogPrisma } from '../src/infra/prisma.ts';

export { viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';

export interface CatalogHarness extends SubgraphHarness<CatalogPrisma> {
  databaseUrl: string;
}

export const admin = viewerWith('ADMIN');
export const seller = viewerWith('SELLER');
export const customer = viewerWith('CUSTOMER');
export const anonymous = anonymousViewer;

/**
 * Starts the catalog subgraph on a fresh database (PGlite by default, DATABASE_URL's server when
 * set) and a bus (in-process, or NATS_URL's JetStream in a private namespace); gql calls as `admin`.
 */
export async function startCatalog(env: Record<string, string> = {}): Promise<CatalogHarness> {
  const harness = await startSubgraphHarness(catalog, { env: { SEED_DEMO_DATA: 'false', ...env }, defaultViewer: admin, createPrisma: createCatalogPrisma });
  return { ...harness, databaseUrl: harness.db.connectionString };
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
