import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { startTestPlatform, type TestPlatform } from '../../../scripts/platform/test-platform.ts';

/** Search through the gateway on the whole platform (demo data seeded), on whichever engines the env selects. */
let platform: TestPlatform;
let adminToken: string;

const SEARCH = `query ($query: String!, $filters: SearchFilters, $sort: SearchSort, $pageSize: Int) {
  search(query: $query, filters: $filters, sort: $sort, pageSize: $pageSize) {
    items { id name price { amount } category { id name } }
    pageInfo { total }
    facets { name values { value count } }
  }
}`;
type Result = {
  search: {
    items: { id: string; name: string; price: { amount: number }; category: { id: string; name: string } | null }[];
    pageInfo: { total: number };
    facets: { name: string; values: { value: string; count: number }[] }[];
  };
};

async function search(query: string, variables: Record<string, unknown> = {}) {
  const response = await platform.graphql<Result>(SEARCH, { query, pageSize: 100, ...variables });
  expect(response.errors).toBeUndefined();
  return response.data!.search;
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
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

beforeAll(async () => {
  platform = await startTestPlatform();
  const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;
  const login = await platform.graphql<{ login: { accessToken: string } }>(
    `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
    { email: admin.email, password: admin.password },
  );
  adminToken = login.data!.login.accessToken;
}, 300_000);
afterAll(() => platform?.stop());

describe('search through the gateway', () => {
  it('builds the index from the seeded catalog at first start', async () => {
    const listed = await platform.graphql<{ products: { pageInfo: { total: number } } }>(`{ products(pageSize: 1) { pageInfo { total } } }`);
    const total = listed.data!.products.pageInfo.total;
    await eventually(async () => expect((await search('')).pageInfo.total).toBe(total));
  });

  it('finds products by words and prefixes; catalog resolves their fields; facets add up', async () => {
    const result = await search('oxford shi');
    expect(result.items.map((item) => item.name)).toContain('Classic Oxford Shirt');
    const shirts = await search('shirt');
    expect(shirts.items.length).toBeGreaterThanOrEqual(3);
    const price = shirts.facets.find((facet) => facet.name === 'price')!;
    expect(price.values.reduce((sum, value) => sum + value.count, 0)).toBe(shirts.pageInfo.total);
    const category = shirts.facets.find((facet) => facet.name === 'category')!;
    const inCategories = shirts.items.filter((item) => item.category).length;
    expect(category.values.reduce((sum, value) => sum + value.count, 0)).toBe(inCategories);
    for (const value of category.values) {
      expect(shirts.items.filter((item) => item.category?.id === value.value)).toHaveLength(value.count);
    }
    const suggestions = await platform.graphql<{ searchSuggestions: string[] }>(`{ searchSuggestions(prefix: "oxf") }`);
    expect(suggestions.data!.searchSuggestions).toEqual(['Classic Oxford Shirt']);
  });

  it('a new product is searchable shortly after createProduct; deactivated, it disappears', async () => {
    const name = `Zephyrine Teapot ${Date.now()}`;
    const created = await platform.graphql<{ createProduct: { id: string } }>(
      `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      { input: { name, variants: [{ sku: `TEA-${Date.now()}`, price: 3100, initialStock: 2 }] } },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProduct.id;
    await eventually(async () => expect((await search('zephyrine')).items.map((item) => item.id)).toEqual([id]));
    const updated = await platform.graphql(`mutation ($id: ID!) { updateProduct(id: $id, input: { active: false }) { id active } }`, { id }, adminToken);
    expect(updated.errors).toBeUndefined();
    await eventually(async () => expect((await search('zephyrine')).pageInfo.total).toBe(0));
  });

  it('reindexSearch is for admins and keeps results', async () => {
    const before = (await search('')).pageInfo.total;
    const refused = await platform.graphql(`mutation { reindexSearch }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const done = await platform.graphql(`mutation { reindexSearch }`, {}, adminToken);
    expect(done).toMatchObject({ data: { reindexSearch: true } });
    expect((await search('')).pageInfo.total).toBe(before);
  });
});
