import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf, Subject } from '@drobble/schema/events';
import { CREATE_CATEGORY, CREATE_PRODUCT, PRODUCT_FIELDS, admin, anonymous, customer, errorsOf, startCatalog, type CatalogHarness } from './harness.ts';

let h: CatalogHarness;
const received: EventOf<Subject>[] = [];
const catalogSubjects = ['catalog.product.created.v1', 'catalog.product.updated.v1', 'catalog.product.deleted.v1', 'catalog.category.created.v1'] as const;

const UPDATE = `mutation Update($id: ID!, $input: UpdateProductInput!, $expectedVersion: Int) {
  updateProduct(id: $id, input: $input, expectedVersion: $expectedVersion) { ${PRODUCT_FIELDS} }
}`;
const DELETE = `mutation Delete($id: ID!) { deleteProduct(id: $id) }`;

let sku = 0;
async function newProduct(name: string, extra: Record<string, unknown> = {}) {
  const result = await h.gql(CREATE_PRODUCT, { input: { name, variants: [{ sku: `W-${++sku}`, price: 1000, initialStock: 7 }, { sku: `W-${++sku}`, price: 900 }], ...extra } });
  expect(result.errors).toBeUndefined();
  return result.data!.createProduct;
}

const outboxFor = (id: string) =>
  h.prisma.outboxEvent.findMany({ where: { envelope: { path: ['data', 'id'], equals: id } }, orderBy: [{ createdAt: 'asc' }] });

async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

beforeAll(async () => {
  h = await startCatalog();
  await h.bus.subscribe({ durable: 'catalog-test-listener', subjects: catalogSubjects, handler: async (event) => void received.push(event) });
});

afterAll(() => h?.stop());

describe('updateProduct', () => {
  it('changes the given fields and bumps the version', async () => {
    const product = await newProduct('Desk Lamp');
    const result = await h.gql(UPDATE, { id: product.id, input: { name: 'Brass Desk Lamp', featured: true, attributes: [{ key: 'Bulb', value: 'E27' }] }, expectedVersion: 1 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateProduct).toMatchObject({ name: 'Brass Desk Lamp', featured: true, version: 2, slug: 'desk-lamp', attributes: [{ key: 'Bulb', value: 'E27' }] });
    const unconditional = await h.gql(UPDATE, { id: product.id, input: { description: 'Warm light' } });
    expect(unconditional.data!.updateProduct).toMatchObject({ description: 'Warm light', version: 3, featured: true });
  });

  it('stale expectedVersion -> CONFLICT and nothing changes', async () => {
    const product = await newProduct('Wall Clock');
    await h.gql(UPDATE, { id: product.id, input: { name: 'Oak Wall Clock' }, expectedVersion: 1 });
    const stale = await h.gql(UPDATE, { id: product.id, input: { name: 'Lost Update' }, expectedVersion: 1 });
    expect(errorsOf(stale)).toEqual([{ code: 'CONFLICT', field: 'expectedVersion' }]);
    expect(stale.errors![0]!.extensions).toMatchObject({ currentVersion: 2 });
    expect(await h.prisma.product.findUnique({ where: { id: product.id } })).toMatchObject({ name: 'Oak Wall Clock', version: 2 });
  });

  it('of two concurrent updates with the same version exactly one wins', async () => {
    const product = await newProduct('Table Fan');
    const results = await Promise.all(
      ['Quiet Fan', 'Breezy Fan', 'Turbo Fan', 'Tiny Fan'].map((name) => h.gql(UPDATE, { id: product.id, input: { name }, expectedVersion: 1 })),
    );
    const winners = results.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((result) => errorsOf(result)[0]?.code === 'CONFLICT')).toHaveLength(3);
    const stored = await h.prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(stored).toMatchObject({ name: winners[0]!.data!.updateProduct.name, version: 2 });
    expect((await outboxFor(product.id)).map((row) => row.subject)).toEqual(['catalog.product.created.v1', 'catalog.product.updated.v1']);
  });

  it('checks input, role and existence', async () => {
    const product = await newProduct('Rug');
    expect(errorsOf(await h.gql(UPDATE, { id: product.id, input: { name: '' } }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.name' }]);
    expect(errorsOf(await h.gql(UPDATE, { id: product.id, input: { categoryId: '6f9619ff-8b86-4d01-b42d-00c04fc964ff' } }))).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.categoryId' },
    ]);
    expect(errorsOf(await h.gql(UPDATE, { id: product.id, input: { name: 'X' } }, customer))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await h.gql(UPDATE, { id: product.id, input: { name: 'X' } }, anonymous))).toEqual([{ code: 'UNAUTHENTICATED' }]);
    expect(errorsOf(await h.gql(UPDATE, { id: '6f9619ff-8b86-4d01-b42d-00c04fc964ff', input: { name: 'X' } }))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(await h.prisma.product.findUnique({ where: { id: product.id } })).toMatchObject({ name: 'Rug', version: 1 });
  });

  it('moves a product between categories and out of them', async () => {
    const category = (await h.gql(CREATE_CATEGORY, { name: 'Lighting' })).data!.createCategory;
    const product = await newProduct('Floor Lamp');
    const moved = await h.gql(UPDATE, { id: product.id, input: { categoryId: category.id } });
    expect(moved.data!.updateProduct.category).toMatchObject({ id: category.id });
    const removed = await h.gql(UPDATE, { id: product.id, input: { categoryId: null } });
    expect(removed.data!.updateProduct.category).toBeNull();
  });
});

describe('deleteProduct', () => {
  it('soft-deletes: hidden from listings and product(), row kept, idempotent', async () => {
    const product = await newProduct('Old Kettle');
    expect((await h.gql(DELETE, { id: product.id })).data).toEqual({ deleteProduct: true });
    expect((await h.gql(DELETE, { id: product.id })).data).toEqual({ deleteProduct: true });
    const listing = await h.gql(`{ products(filter: { search: "Old Kettle" }) { items { id } pageInfo { total } } }`, {}, admin);
    expect(listing.data!.products.pageInfo.total).toBe(0);
    expect((await h.gql(`{ product(id: "${product.id}") { id } }`, {}, admin)).data!.product).toBeNull();
    expect(await h.prisma.product.findUnique({ where: { id: product.id } })).toMatchObject({ active: false, version: 2, deletedAt: expect.any(Date) });
    expect((await outboxFor(product.id)).map((row) => row.subject)).toEqual(['catalog.product.created.v1', 'catalog.product.deleted.v1']);
    expect(errorsOf(await h.gql(UPDATE, { id: product.id, input: { name: 'Back' } }))).toEqual([{ code: 'NOT_FOUND' }]);
    // Order history can still resolve it through the gateway.
    const entity = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { name active } } }`, { r: [{ __typename: 'Product', id: product.id }] });
    expect(entity.data!._entities).toEqual([{ name: 'Old Kettle', active: false }]);
  });

  it('refuses customers and unknown ids', async () => {
    const product = await newProduct('Teapot');
    expect(errorsOf(await h.gql(DELETE, { id: product.id }, customer))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await h.gql(DELETE, { id: '6f9619ff-8b86-4d01-b42d-00c04fc964ff' }))).toEqual([{ code: 'NOT_FOUND' }]);
  });
});

describe('events', () => {
  it('writes every change to the outbox with the full snapshot, and the relay publishes it', async () => {
    const product = await newProduct('Event Mug');
    await h.gql(UPDATE, { id: product.id, input: { active: false } });
    await h.gql(DELETE, { id: product.id });
    const rows = await outboxFor(product.id);
    expect(rows.map((row) => row.subject)).toEqual(['catalog.product.created.v1', 'catalog.product.updated.v1', 'catalog.product.deleted.v1']);
    const created = rows[0]!.envelope as any;
    expect(created).toMatchObject({ type: 'catalog.product.created', version: 1, actor: { userId: admin.userId, roles: ['ADMIN'] } });
    expect(created.data).toMatchObject({ id: product.id, slug: 'event-mug', currency: 'USD', version: 1, variants: [{ sku: product.variants[0].sku, price: 1000 }, { price: 900 }] });
    expect((rows[2]!.envelope as any).data).toMatchObject({ active: false, version: 3 });
    await eventually(() => {
      const mine = received.filter((event) => (event.data as { id: string }).id === product.id);
      expect(mine.map((event) => event.type)).toEqual(['catalog.product.created', 'catalog.product.updated', 'catalog.product.deleted']);
      expect(mine[0]!.id).toBe(rows[0]!.id);
    });
    await eventually(async () => expect(await h.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0));
  });

  it('publishes catalog.category.created.v1', async () => {
    const category = (await h.gql(CREATE_CATEGORY, { name: 'Garden' })).data!.createCategory;
    await eventually(() => {
      const event = received.find((e) => e.type === 'catalog.category.created' && (e.data as { id: string }).id === category.id);
      expect(event?.data).toEqual({ id: category.id, name: 'Garden', slug: 'garden', parentId: null });
    });
  });
});
