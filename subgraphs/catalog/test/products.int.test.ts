import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_CATEGORY, CREATE_PRODUCT, admin, anonymous, customer, errorsOf, seller, startCatalog, type CatalogHarness } from './harness.ts';

let h: CatalogHarness;
const ids: Record<string, string> = {};

const LIST = `query List($filter: ProductFilter, $sort: ProductSort, $page: Int, $pageSize: Int) {
  products(filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) { items { id name price { amount } } pageInfo { page pageSize total } }
}`;

async function createCategory(name: string, parentId?: string) {
  const result = await h.gql(CREATE_CATEGORY, { name, parentId });
  expect(result.errors).toBeUndefined();
  return result.data!.createCategory.id as string;
}

async function createProduct(input: Record<string, unknown>) {
  const result = await h.gql(CREATE_PRODUCT, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.createProduct;
}

const names = async (variables: Record<string, unknown>, viewer = anonymous) => {
  const result = await h.gql(LIST, variables, viewer);
  expect(result.errors).toBeUndefined();
  return result.data!.products.items.map((item: { name: string }) => item.name);
};

beforeAll(async () => {
  h = await startCatalog();
  ids.apparel = await createCategory('Apparel');
  ids.men = await createCategory('Men', ids.apparel);
  ids.shirts = await createCategory('Shirts', ids.men);
  ids.electronics = await createCategory('Electronics');
  const v = (sku: string, price: number, extra = {}) => ({ sku, price, ...extra });
  ids.blue = (await createProduct({ name: 'Blue Shirt', description: 'Soft cotton', categoryId: ids.shirts, variants: [v('BS-M', 3000), v('BS-L', 2500)] })).id;
  ids.red = (await createProduct({ name: 'Red Shirt', description: 'Bold colour', categoryId: ids.men, variants: [v('RS-M', 4000)] })).id;
  ids.phones = (await createProduct({ name: 'Headphones', description: 'Wireless, with a shirt-pocket case', categoryId: ids.electronics, variants: [v('HP-1', 10000)] })).id;
  ids.jacket = (await createProduct({ name: 'Hidden Jacket', categoryId: ids.apparel, variants: [v('HJ-1', 5000)] })).id;
  const update = await h.gql(`mutation { updateProduct(id: "${ids.jacket}", input: { active: false }) { active } }`);
  expect(update.errors).toBeUndefined();
  const featured = await h.gql(`mutation { updateProduct(id: "${ids.phones}", input: { featured: true }) { featured } }`);
  expect(featured.errors).toBeUndefined();
});

afterAll(() => h?.stop());

describe('createProduct', () => {
  it('stores the product with a generated slug, the lowest variant price and version 1', async () => {
    const product = await createProduct({
      name: 'Linen Shirt',
      categoryId: ids.shirts,
      images: ['https://img.example/linen.png'],
      attributes: [{ key: 'Material', value: 'Linen' }],
      variants: [{ sku: 'LS-1', price: 5900, options: [{ name: 'Size', value: 'M' }] }, { sku: 'LS-2', price: 5500, name: 'Large' }],
    });
    expect(product).toMatchObject({
      slug: 'linen-shirt',
      price: { amount: 5500, currency: 'USD' },
      version: 1,
      active: true,
      featured: false,
      description: '',
      category: { id: ids.shirts, slug: 'shirts' },
      attributes: [{ key: 'Material', value: 'Linen' }],
      variants: [
        { sku: 'LS-1', name: 'M', price: { amount: 5900, currency: 'USD' }, options: [{ name: 'Size', value: 'M' }] },
        { sku: 'LS-2', name: 'Large', options: [] },
      ],
    });
    const again = await createProduct({ name: 'Linen Shirt', currency: 'EUR', variants: [{ sku: 'LS-3', price: 100 }] });
    expect(again).toMatchObject({ slug: 'linen-shirt-2', price: { amount: 100, currency: 'EUR' } });
    await h.gql(`mutation { a: deleteProduct(id: "${product.id}") b: deleteProduct(id: "${again.id}") }`);
  });

  it('lets a SELLER create; refuses CUSTOMER (FORBIDDEN) and anonymous (UNAUTHENTICATED)', async () => {
    const input = { name: 'Seller Socks', variants: [{ sku: 'SOCK-1', price: 900 }] };
    expect(errorsOf(await h.gql(CREATE_PRODUCT, { input }, customer))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await h.gql(CREATE_PRODUCT, { input }, anonymous))).toEqual([{ code: 'UNAUTHENTICATED' }]);
    expect(await h.prisma.product.count({ where: { name: 'Seller Socks' } })).toBe(0);
    const created = await h.gql(CREATE_PRODUCT, { input }, seller);
    expect(created.errors).toBeUndefined();
    expect(await h.prisma.product.findUnique({ where: { id: created.data!.createProduct.id } })).toMatchObject({ createdById: seller.userId });
    await h.gql(`mutation { deleteProduct(id: "${created.data!.createProduct.id}") }`);
  });

  it.each([
    ['empty name', { name: ' ' }, 'input.name'],
    ['no variants', { variants: [] }, 'input.variants'],
    ['negative price', { variants: [{ sku: 'X-1', price: -5 }] }, 'input.variants[0].price'],
    ['duplicate SKUs', { variants: [{ sku: 'X-1', price: 5 }, { sku: 'X-1', price: 6 }] }, 'input.variants[1].sku'],
    ['bad currency', { currency: 'usd' }, 'input.currency'],
    ['bad slug', { slug: 'Bad Slug' }, 'input.slug'],
    ['unknown category', { categoryId: '6f9619ff-8b86-4d01-b42d-00c04fc964ff' }, 'input.categoryId'],
  ])('%s -> BAD_USER_INPUT on %s and nothing written', async (_name, change, field) => {
    const before = { products: await h.prisma.product.count(), events: await h.prisma.outboxEvent.count() };
    const result = await h.gql(CREATE_PRODUCT, { input: { name: 'Bad', variants: [{ sku: 'X-1', price: 5 }], ...change } });
    expect(errorsOf(result)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
    expect({ products: await h.prisma.product.count(), events: await h.prisma.outboxEvent.count() }).toEqual(before);
  });

  it('duplicate SKU or slug -> CONFLICT', async () => {
    const sku = await h.gql(CREATE_PRODUCT, { input: { name: 'Copy', variants: [{ sku: 'NEW-1', price: 1 }, { sku: 'BS-M', price: 1 }] } });
    expect(errorsOf(sku)).toEqual([{ code: 'CONFLICT', field: 'input.variants[1].sku' }]);
    const slug = await h.gql(CREATE_PRODUCT, { input: { name: 'Copy', slug: 'blue-shirt', variants: [{ sku: 'NEW-1', price: 1 }] } });
    expect(errorsOf(slug)).toEqual([{ code: 'CONFLICT', field: 'input.slug' }]);
    expect(await h.prisma.productVariant.count({ where: { sku: 'NEW-1' } })).toBe(0);
  });
});

describe('products', () => {
  it('shows the storefront active products, newest first', async () => {
    expect(await names({})).toEqual(['Headphones', 'Red Shirt', 'Blue Shirt']);
    expect(await names({}, customer)).toEqual(['Headphones', 'Red Shirt', 'Blue Shirt']);
  });

  it('shows staff inactive products too, and filters by status', async () => {
    expect(await names({}, admin)).toEqual(['Hidden Jacket', 'Headphones', 'Red Shirt', 'Blue Shirt']);
    expect(await names({ filter: { status: 'INACTIVE' } }, seller)).toEqual(['Hidden Jacket']);
    expect(await names({ filter: { status: 'ACTIVE' } }, admin)).toHaveLength(3);
    expect(errorsOf(await h.gql(LIST, { filter: { status: 'INACTIVE' } }, customer))).toEqual([{ code: 'FORBIDDEN', field: 'filter.status' }]);
    // LOW_STOCK reads the stock projection: empty until inventory reports (see ownership-stock.int.test.ts).
    expect(await names({ filter: { status: 'LOW_STOCK' } }, admin)).toEqual([]);
  });

  it('filters by category including descendants', async () => {
    expect(await names({ filter: { categoryId: ids.apparel } })).toEqual(['Red Shirt', 'Blue Shirt']);
    expect(await names({ filter: { categoryId: ids.apparel } }, admin)).toEqual(['Hidden Jacket', 'Red Shirt', 'Blue Shirt']);
    expect(await names({ filter: { categoryId: ids.shirts } })).toEqual(['Blue Shirt']);
    expect(await names({ filter: { categoryId: '6f9619ff-8b86-4d01-b42d-00c04fc964ff' } })).toEqual([]);
  });

  it('filters by lowest variant price, featured and search', async () => {
    expect(await names({ filter: { minPrice: 2500, maxPrice: 4000 } })).toEqual(['Red Shirt', 'Blue Shirt']);
    expect(await names({ filter: { maxPrice: 2499 } })).toEqual([]);
    expect(await names({ filter: { featured: true } })).toEqual(['Headphones']);
    expect(await names({ filter: { featured: false } })).toEqual(['Red Shirt', 'Blue Shirt']);
    expect(await names({ filter: { search: 'SHIRT' } })).toEqual(['Headphones', 'Red Shirt', 'Blue Shirt']);
    expect(await names({ filter: { search: 'cotton' } })).toEqual(['Blue Shirt']);
    expect(errorsOf(await h.gql(LIST, { filter: { minPrice: -1 } }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'filter.minPrice' }]);
  });

  it('sorts by price and name', async () => {
    expect(await names({ sort: 'PRICE_ASC' })).toEqual(['Blue Shirt', 'Red Shirt', 'Headphones']);
    expect(await names({ sort: 'PRICE_DESC' })).toEqual(['Headphones', 'Red Shirt', 'Blue Shirt']);
    expect(await names({ sort: 'NAME_ASC' })).toEqual(['Blue Shirt', 'Headphones', 'Red Shirt']);
    expect(await names({ sort: 'NAME_DESC' })).toEqual(['Red Shirt', 'Headphones', 'Blue Shirt']);
    const listed = await h.gql(LIST, { sort: 'PRICE_ASC' });
    expect(listed.data!.products.items[0]).toMatchObject({ id: ids.blue, price: { amount: 2500 } });
  });

  it('paginates with page facts, and refuses out-of-range paging', async () => {
    const first = await h.gql(LIST, { sort: 'NAME_ASC', page: 1, pageSize: 2 }, anonymous);
    const second = await h.gql(LIST, { sort: 'NAME_ASC', page: 2, pageSize: 2 }, anonymous);
    expect(first.data!.products).toMatchObject({ pageInfo: { page: 1, pageSize: 2, total: 3 } });
    expect(first.data!.products.items.map((p: { name: string }) => p.name)).toEqual(['Blue Shirt', 'Headphones']);
    expect(second.data!.products.items.map((p: { name: string }) => p.name)).toEqual(['Red Shirt']);
    expect((await h.gql(LIST, {}, anonymous)).data!.products.pageInfo).toEqual({ page: 1, pageSize: 20, total: 3 });
    expect((await h.gql(LIST, {}, admin)).data!.products.pageInfo).toEqual({ page: 1, pageSize: 20, total: 4 });
    expect(errorsOf(await h.gql(LIST, { pageSize: 101 }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'pageSize' }]);
    expect(errorsOf(await h.gql(LIST, { page: 0 }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'page' }]);
  });
});

describe('product', () => {
  const ONE = `query One($id: ID, $slug: String) { product(id: $id, slug: $slug) { id slug active price { amount } category { slug parent { slug } } } }`;

  it('finds a product by id or slug', async () => {
    expect((await h.gql(ONE, { id: ids.blue }, anonymous)).data!.product).toMatchObject({ slug: 'blue-shirt', price: { amount: 2500 }, category: { slug: 'shirts', parent: { slug: 'men' } } });
    expect((await h.gql(ONE, { slug: 'red-shirt' }, anonymous)).data!.product).toMatchObject({ id: ids.red });
    expect((await h.gql(ONE, { id: ids.red, slug: 'blue-shirt' })).data!.product).toBeNull();
    expect((await h.gql(ONE, { id: 'not-a-uuid' })).data!.product).toBeNull();
    expect(errorsOf(await h.gql(ONE, {}))).toEqual([{ code: 'BAD_USER_INPUT', field: 'id' }]);
  });

  it('hides inactive products from the storefront only', async () => {
    expect((await h.gql(ONE, { id: ids.jacket }, customer)).data!.product).toBeNull();
    expect((await h.gql(ONE, { id: ids.jacket }, admin)).data!.product).toMatchObject({ active: false });
  });
});

describe('categories', () => {
  it('returns the roots with their children to any depth', async () => {
    const result = await h.gql(`{ categories { name slug parent { id } children { name children { name parent { name } children { name } } } } }`, {}, anonymous);
    expect(result.errors).toBeUndefined();
    expect(result.data!.categories).toEqual([
      { name: 'Apparel', slug: 'apparel', parent: null, children: [{ name: 'Men', children: [{ name: 'Shirts', parent: { name: 'Men' }, children: [] }] }] },
      { name: 'Electronics', slug: 'electronics', parent: null, children: [] },
    ]);
  });

  it('createCategory checks the parent, the name and the role', async () => {
    expect(errorsOf(await h.gql(CREATE_CATEGORY, { name: 'Men', parentId: ids.apparel }))).toEqual([{ code: 'CONFLICT', field: 'name' }]);
    expect(errorsOf(await h.gql(CREATE_CATEGORY, { name: 'X', parentId: '6f9619ff-8b86-4d01-b42d-00c04fc964ff' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'parentId' }]);
    expect(errorsOf(await h.gql(CREATE_CATEGORY, { name: '  ' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'name' }]);
    expect(errorsOf(await h.gql(CREATE_CATEGORY, { name: 'Toys' }, customer))).toEqual([{ code: 'FORBIDDEN' }]);
  });
});

describe('entities', () => {
  it('resolves Product and ProductVariant references in one _entities call', async () => {
    const variant = await h.prisma.productVariant.findUniqueOrThrow({ where: { sku: 'RS-M' } });
    const result = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id name } ... on ProductVariant { sku price { amount currency } product { name } } } }`,
      { r: [{ __typename: 'Product', id: ids.blue }, { __typename: 'ProductVariant', id: variant.id }, { __typename: 'Product', id: 'nope' }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { id: ids.blue, name: 'Blue Shirt' },
      { sku: 'RS-M', price: { amount: 4000, currency: 'USD' }, product: { name: 'Red Shirt' } },
      null,
    ]);
  });
});
