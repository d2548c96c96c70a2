import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { createPrismaAdapter } from '@drobble/kit/db/prisma-adapter';
import { createLogger } from '@drobble/kit/logger';
import { createCatalogContext, type CatalogContext } from '../src/context.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { buildCatalogSchema } from '../src/graphql/schema.ts';
import { anonymous, startCatalog, type CatalogHarness } from './harness.ts';

// @apollo/subgraph builds the schema with graphql's CommonJS build; execute with the same instance.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** Runs operations in-process against a Prisma client that counts the SQL statements it sends. */
let h: CatalogHarness;
let prisma: PrismaClient<'query'>;
let statements: string[] = [];
const schema = buildCatalogSchema();

async function run(source: string, variableValues: Record<string, unknown> = {}) {
  const contextValue: CatalogContext = createCatalogContext({ prisma: prisma as never })({
    viewer: anonymous,
    correlationId: 'query-count',
    logger: createLogger('query-count', 'silent'),
  });
  statements = [];
  const result = await graphql({ schema, source, variableValues, contextValue });
  expect(result.errors).toBeUndefined();
  if (process.env.SHOW_SQL) console.log(statements.length, statements.map((s) => s.slice(0, 90)));
  return { data: result.data as any, queries: statements.length };
}

beforeAll(async () => {
  h = await startCatalog({ SEED_DEMO_DATA: 'true' });
  prisma = new PrismaClient({ adapter: createPrismaAdapter({ connectionString: h.databaseUrl, schema: 'catalog' }), log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (event) => void statements.push(event.query));
});

afterAll(async () => {
  await prisma?.$disconnect();
  await h?.stop();
});

describe('no N+1', () => {
  it('a products page with categories, parents and variants costs a fixed number of queries', async () => {
    const { data, queries } = await run(`{ products(pageSize: 50) {
      items { name price { amount } category { name parent { name parent { name } } } variants { sku price { amount currency } product { id } } }
      pageInfo { total } } }`);
    expect(data.products.items).toHaveLength(50);
    // count + page + variants + category subtree levels (one query per tree level, batched)
    expect(queries).toBeLessThanOrEqual(6);
  });

  it('the category tree costs one query at any depth', async () => {
    const { data, queries } = await run(`{ categories { name parent { name } children { name parent { name } children { name children { name } } } } }`);
    expect(data.categories.length).toBeGreaterThanOrEqual(3);
    expect(queries).toBe(1);
  });

  it('entity references are batched: one fetch of many products and variants', async () => {
    const rows = await h.prisma.productVariant.findMany({ take: 20, orderBy: { sku: 'asc' } });
    const representations = [
      ...rows.map((row) => ({ __typename: 'ProductVariant', id: row.id })),
      ...rows.map((row) => ({ __typename: 'Product', id: row.productId })),
    ];
    const { data, queries } = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { sku price { amount currency } } ... on Product { name price { amount } } } }`,
      { r: representations },
    );
    expect(data._entities.every((entity: unknown) => entity !== null)).toBe(true);
    // variants by id, products by id (+ their variants)
    expect(queries).toBe(3);
  });
});
