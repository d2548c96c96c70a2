import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { countStatements, STOREFRONT_TABLES, storefrontQuery } from '../../../scripts/bench/query-count.ts';
import { startTestPlatform, type TestPlatform } from '../../../scripts/platform/test-platform.ts';

/** Catalog + inventory through the gateway, on whichever engines the environment selects, with the demo data. */
let platform: TestPlatform;
let adminToken: string;

const LISTING = `query ($pageSize: Int) { products(pageSize: $pageSize) { items { id name price { amount currency } inStock variants { id sku stock { onHand reserved available lowStock } } } pageInfo { total } } }`;
type Listing = { products: { items: { id: string; name: string; inStock: boolean; variants: { id: string; sku: string; stock: { onHand: number; reserved: number; available: number; lowStock: boolean } }[] }[]; pageInfo: { total: number } } };

async function eventually<T>(check: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function tokenFor(role: string): Promise<string> {
  const account = demoAccounts.find((a) => a.role === role)!;
  const response = await platform.graphql<{ login: { accessToken: string } }>(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: account.email, p: account.password });
  expect(response.errors).toBeUndefined();
  return response.data!.login.accessToken;
}

/** The whole demo catalog as the storefront sees it, once inventory has learned every variant from the seed's events. */
async function allProducts(): Promise<Listing['products']['items']> {
  const first = await platform.graphql<Listing>(LISTING, { pageSize: 100 });
  expect(first.errors).toBeUndefined();
  return first.data!.products.items;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  adminToken = await tokenFor('ADMIN');
}, 300_000);
afterAll(async () => {
  await platform?.stop();
});

describe('storefront stock through the gateway', () => {
  it('inventory builds its stock from the catalog seed: some in stock, some low, some out of stock', async () => {
    const items = await eventually(async () => {
      const products = await allProducts();
      const variants = products.flatMap((p) => p.variants);
      if (variants.some((v) => v.stock.onHand === 0 && v.stock.lowStock === true) && variants.filter((v) => v.stock.onHand > 0).length < variants.length / 2) throw new Error('inventory still learning');
      return products;
    });
    const variants = items.flatMap((p) => p.variants);
    expect(variants.filter((v) => v.stock.available === 0).length).toBeGreaterThan(0);
    expect(variants.filter((v) => v.stock.available > 0 && v.stock.lowStock).length).toBeGreaterThan(0);
    expect(variants.filter((v) => !v.stock.lowStock).length).toBeGreaterThan(0);
    for (const product of items) expect(product.inStock).toBe(product.variants.some((v) => v.stock.available > 0));
  });

  it('an admin adjusts stock through the gateway; the storefront sees it; a customer is refused', async () => {
    const product = (await allProducts()).find((p) => p.variants.length === 1 && p.variants[0]!.stock.available === 0 && !p.inStock)
      ?? (await allProducts()).find((p) => p.variants.every((v) => v.stock.available === 0))!;
    const variant = product.variants[0]!;
    const adjust = `mutation ($v: ID!, $d: Int!) { adjustStock(variantId: $v, delta: $d, reason: "Restock from e2e") { onHand available lowStock } }`;
    const refused = await platform.graphql(adjust, { v: variant.id, d: 5 }, await tokenFor('CUSTOMER'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const adjusted = await platform.graphql<{ adjustStock: { onHand: number; available: number } }>(adjust, { v: variant.id, d: 20 }, adminToken);
    expect(adjusted.errors).toBeUndefined();
    expect(adjusted.data!.adjustStock).toMatchObject({ onHand: 20, available: 20, lowStock: false });
    const after = (await allProducts()).find((p) => p.id === product.id)!;
    expect(after.variants.find((v) => v.id === variant.id)!.stock.available).toBe(20);
    expect(after.inStock).toBe(true);
  });

  it('LOW_STOCK lists (for an admin) the products inventory reports low', async () => {
    const lowInInventory = new Set((await allProducts()).filter((p) => p.variants.some((v) => v.stock.lowStock)).map((p) => p.id));
    await eventually(async () => {
      const response = await platform.graphql<{ products: { items: { id: string }[] } }>(`{ products(filter: { status: LOW_STOCK }, pageSize: 100) { items { id } } }`, {}, adminToken);
      expect(response.errors).toBeUndefined();
      expect(new Set(response.data!.products.items.map((p) => p.id))).toEqual(lowInInventory);
    });
  });

  it('the storefront listing costs the same number of SQL statements at any page size', async () => {
    const counts: number[] = [];
    for (const pageSize of [5, 20, 50]) {
      const { result, statements } = await countStatements(STOREFRONT_TABLES, () => platform.graphql<{ products: { items: unknown[] } }>(storefrontQuery(pageSize, false)));
      expect(result.errors).toBeUndefined();
      expect(result.data!.products.items).toHaveLength(pageSize);
      if (process.env.SHOW_SQL) console.log(pageSize, statements.map((s) => s.slice(0, 140)));
      counts.push(statements.length);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
    // catalog: count + page + variants; inventory: one per _entities fetch (stock, inStock)
    expect(counts[0]).toBe(5);
  });

  it('a product deactivated in the catalog disappears from storefront listings', async () => {
    const before = await allProducts();
    const victim = before[0]!;
    const update = await platform.graphql(`mutation ($id: ID!) { updateProduct(id: $id, input: { active: false }) { active } }`, { id: victim.id }, adminToken);
    expect(update.errors).toBeUndefined();
    const after = await allProducts();
    expect(after.map((p) => p.id)).not.toContain(victim.id);
    expect(after).toHaveLength(before.length - 1);
    const single = await platform.graphql<{ product: unknown }>(`query ($id: ID!) { product(id: $id) { id } }`, { id: victim.id });
    expect(single.data!.product).toBeNull();
  });

  it('importProducts through the gateway creates products that inventory stocks', async () => {
    const csv = ['sku,name,price,stock', 'E2E-IMP-1,E2E Imported Lamp,4500,7', 'E2E-IMP-2,,100,1'].join('\n');
    const response = await platform.graphql<{ importProducts: { created: number; errors: { row: number }[] } }>(
      `mutation ($d: String!) { importProducts(format: CSV, data: $d) { created updated errors { row message } } }`, { d: csv }, adminToken);
    expect(response.errors).toBeUndefined();
    expect(response.data!.importProducts).toMatchObject({ created: 1, errors: [{ row: 2 }] });
    await eventually(async () => {
      const lamp = (await allProducts()).find((p) => p.name === 'E2E Imported Lamp');
      expect(lamp?.variants[0]?.stock.available).toBe(7);
    });
  });
});
