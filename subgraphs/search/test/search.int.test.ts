import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH, admin, customer, errorsOf, eventually, productSnapshot, startSearch, type SearchHarness } from './harness.ts';

let h: SearchHarness;
/** Checks that look into the PostgreSQL engine's table run only when it is the engine. */
const onPostgres = !process.env.ELASTICSEARCH_URL;
const ids = async (query: string, extra: Record<string, unknown> = {}) => {
  const result = await h.gql(SEARCH, { query, ...extra });
  expect(result.errors).toBeUndefined();
  return (result.data!.search.items as { id: string }[]).map((item) => item.id);
};

beforeAll(async () => {
  h = await startSearch();
}, 120_000);
afterAll(() => h?.stop());

describe('the index follows catalog events', () => {
  it('a created product becomes searchable; an update replaces it; an older version is ignored', async () => {
    const product = productSnapshot({ name: 'Quokka Field Notebook' });
    await h.publish('catalog.product.created.v1', product);
    await eventually(async () => expect(await ids('quokka')).toEqual([product.id]));
    await h.publish('catalog.product.updated.v1', { ...product, name: 'Wombat Field Notebook', version: 3 });
    await eventually(async () => expect(await ids('wombat')).toEqual([product.id]));
    await h.publish('catalog.product.updated.v1', { ...product, name: 'Stale Echidna Notebook', version: 2 });
    await eventually(async () => expect(await h.prisma.inboxEvent.count({ where: { consumer: 'search-catalog' } })).toBe(3));
    expect(await ids('echidna')).toEqual([]);
    expect(await ids('quokka')).toEqual([]);
  });

  it('a product deactivated in catalog disappears from search, and comes back when reactivated', async () => {
    const product = productSnapshot({ name: 'Narwhal Desk Organiser' });
    await h.publish('catalog.product.created.v1', product);
    await eventually(async () => expect(await ids('narwhal')).toEqual([product.id]));
    await h.publish('catalog.product.updated.v1', { ...product, active: false, version: 2 });
    await eventually(async () => expect(await ids('narwhal')).toEqual([]));
    await h.publish('catalog.product.updated.v1', { ...product, active: true, version: 3 });
    await eventually(async () => expect(await ids('narwhal')).toEqual([product.id]));
  });

  it('a deleted product disappears for good (a late update does not bring it back)', async () => {
    const product = productSnapshot({ name: 'Axolotl Planter', version: 4 });
    await h.publish('catalog.product.created.v1', product);
    await eventually(async () => expect(await ids('axolotl')).toEqual([product.id]));
    await h.publish('catalog.product.deleted.v1', product);
    await eventually(async () => expect(await ids('axolotl')).toEqual([]));
    await h.publish('catalog.product.updated.v1', product);
    await eventually(async () => expect((await h.prisma.searchProduct.findUnique({ where: { id: product.id } }))?.deleted).toBe(true));
    expect(await ids('axolotl')).toEqual([]);
  });

  it('indexes the category name, even when the category arrives after its products', async () => {
    const categoryId = randomUUID();
    const product = productSnapshot({ name: 'Plain Tumbler', categoryId });
    await h.publish('catalog.product.created.v1', product);
    await eventually(async () => expect(await ids('tumbler')).toEqual([product.id]));
    expect(await ids('glassware')).toEqual([]);
    await h.publish('catalog.category.created.v1', { id: categoryId, name: 'Glassware', slug: `glassware-${categoryId.slice(0, 6)}`, parentId: null });
    await eventually(async () => expect(await ids('glassware')).toEqual([product.id]));
    const result = await h.gql(SEARCH, { query: 'glassware' });
    expect(result.data!.search.facets[0]).toEqual({ name: 'category', values: [{ value: categoryId, count: 1 }] });
  });
});

describe('stock and ratings', () => {
  it('inStock follows inventory.stock.changed per variant', async () => {
    const product = productSnapshot({ name: 'Pangolin Lamp' });
    const [variant] = product.variants;
    await h.publish('catalog.product.created.v1', product);
    const inStock = { filters: { inStock: true } };
    await eventually(async () => expect(await ids('pangolin')).toEqual([product.id]));
    expect(await ids('pangolin', inStock)).toEqual([]);
    const stock = { variantId: variant!.id, productId: product.id, onHand: 5, reserved: 0, available: 5, lowStock: false, reason: 'ADJUSTMENT' };
    await h.publish('inventory.stock.changed.v1', stock);
    await eventually(async () => expect(await ids('pangolin', inStock)).toEqual([product.id]));
    await h.publish('inventory.stock.changed.v1', { ...stock, reserved: 5, available: 0, reason: 'RESERVED' });
    await eventually(async () => expect(await ids('pangolin', { filters: { inStock: false } })).toEqual([product.id]));
  });

  it.runIf(onPostgres)('keeps the rating from reviews.rating.changed', async () => {
    const product = productSnapshot({ name: 'Okapi Rug' });
    await h.publish('catalog.product.created.v1', product);
    await h.publish('reviews.rating.changed.v1', { productId: product.id, rating: { average: 4.5, count: 2, distribution: [0, 0, 0, 1, 1] } });
    await eventually(async () => expect(await h.prisma.searchDocument.findUnique({ where: { id: product.id }, select: { ratingAverage: true, ratingCount: true } })).toEqual({ ratingAverage: 4.5, ratingCount: 2 }));
  });
});

describe('the API', () => {
  it('refuses bad input with BAD_USER_INPUT and the field', async () => {
    expect(errorsOf(await h.gql(SEARCH, { query: 'x', pageSize: 101 }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'pageSize' }]);
    expect(errorsOf(await h.gql(SEARCH, { query: 'x', filters: { minPrice: 10, maxPrice: 5 } }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'filters.minPrice' }]);
    expect(errorsOf(await h.gql(SEARCH, { query: 'x', filters: { categoryIds: ['nope'] } }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'filters.categoryIds' }]);
    expect(errorsOf(await h.gql(`{ searchSuggestions(prefix: "a", limit: 0) }`))).toEqual([{ code: 'BAD_USER_INPUT', field: 'limit' }]);
  });

  it('suggests names', async () => {
    const product = productSnapshot({ name: 'Capybara Bath Towel' });
    await h.publish('catalog.product.created.v1', product);
    await eventually(async () => expect((await h.gql(`{ searchSuggestions(prefix: "capy") }`)).data).toEqual({ searchSuggestions: ['Capybara Bath Towel'] }));
  });

  it.runIf(onPostgres)('reindexSearch: ADMIN only, rebuilds from search data and keeps every product searchable', async () => {
    const product = productSnapshot({ name: 'Tapir Throw Pillow' });
    await h.publish('catalog.product.created.v1', product);
    await eventually(async () => expect(await ids('tapir')).toEqual([product.id]));
    expect(errorsOf(await h.gql(`mutation { reindexSearch }`, {}, customer))).toEqual([{ code: 'FORBIDDEN' }]);
    const before = await h.prisma.searchDocument.count();
    await h.prisma.$executeRawUnsafe(`UPDATE "search"."search_document" SET name = 'corrupted', document = NULL`);
    expect(await ids('tapir')).toEqual([]);
    expect((await h.gql(`mutation { reindexSearch }`, {}, admin)).data).toEqual({ reindexSearch: true });
    expect(await ids('tapir')).toEqual([product.id]);
    expect(await h.prisma.searchDocument.count()).toBe(before);
  });
});
