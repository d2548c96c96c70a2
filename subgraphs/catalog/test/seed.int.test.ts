import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@drobble/kit/logger';
import { demoProducts } from '../src/seed/demo-products.ts';
import { seedDemoData } from '../src/seed/seed.ts';
import { anonymous, startCatalog, type CatalogHarness } from './harness.ts';

let h: CatalogHarness;

beforeAll(async () => {
  h = await startCatalog({ SEED_DEMO_DATA: 'true' });
});

afterAll(() => h?.stop());

describe('demo seed (SEED_DEMO_DATA=true)', () => {
  it('loads the demo catalog through the API', async () => {
    const result = await h.gql(
      `{ products(pageSize: 100, sort: NAME_ASC) { items { slug featured variants { sku } category { slug } } pageInfo { total } }
         categories { slug children { slug children { slug } } } }`,
      {},
      anonymous,
    );
    expect(result.errors).toBeUndefined();
    const { products, categories } = result.data!;
    expect(products.pageInfo.total).toBe(demoProducts.length);
    expect(products.pageInfo.total).toBeGreaterThanOrEqual(48);
    expect(products.items.filter((p: { featured: boolean }) => p.featured).length).toBeGreaterThan(0);
    expect(products.items.find((p: { slug: string }) => p.slug === 'classic-oxford-shirt')).toMatchObject({ category: { slug: 'shirts' }, variants: [{ sku: 'DRB-001-S' }, {}, {}, {}] });
    const apparel = categories.find((c: { slug: string }) => c.slug === 'apparel');
    expect(apparel.children.find((c: { slug: string }) => c.slug === 'men').children.map((c: { slug: string }) => c.slug)).toEqual(['jackets', 'shirts']);
  });

  it('publishes a created event per product and category, with initial stock when the schema allows it', async () => {
    expect(await h.prisma.outboxEvent.count({ where: { subject: 'catalog.product.created.v1' } })).toBe(demoProducts.length);
    expect(await h.prisma.outboxEvent.count({ where: { subject: 'catalog.category.created.v1' } })).toBeGreaterThanOrEqual(10);
  });

  it('is idempotent', async () => {
    expect(await seedDemoData(h.prisma, createLogger('seed-test', 'silent'))).toBe(false);
    expect(await h.prisma.product.count()).toBe(demoProducts.length);
  });
});
