import { randomUUID } from 'node:crypto';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { startSubgraphHarness, viewerWith, type GraphQLResponse, type SubgraphHarness } from '@drobble/kit/testing/subgraph-harness';
import type { PayloadOf } from '@drobble/schema/events';
import search from '../src/index.ts';
import { createSearchPrisma, type SearchPrisma } from '../src/infra/prisma.ts';

export { viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';

export type SearchHarness = SubgraphHarness<SearchPrisma>;

export const admin = viewerWith('ADMIN');
export const customer = viewerWith('CUSTOMER');
export const anonymous = anonymousViewer;

/** The search subgraph on a fresh database and bus namespace (PGlite + in-process, or DATABASE_URL / NATS_URL); gql calls as `anonymous`. */
export const startSearch = (env: Record<string, string> = {}): Promise<SearchHarness> =>
  startSubgraphHarness(search, {
    env: { ELASTICSEARCH_INDEX: `drobble-test-${randomUUID().slice(0, 8)}`, ...(process.env.ELASTICSEARCH_URL ? { ELASTICSEARCH_URL: process.env.ELASTICSEARCH_URL } : {}), ...env },
    defaultViewer: anonymous,
    createPrisma: createSearchPrisma,
  });

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
