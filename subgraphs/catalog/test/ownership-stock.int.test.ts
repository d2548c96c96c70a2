import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@drobble/schema/events';
import { CREATE_PRODUCT, admin, errorsOf, seller, startCatalog, viewerWith, type CatalogHarness } from './harness.ts';

let h: CatalogHarness;
beforeAll(async () => {
  h = await startCatalog();
});
afterAll(() => h?.stop());

const UPDATE = `mutation ($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { name version } }`;
const DELETE = `mutation ($id: ID!) { deleteProduct(id: $id) }`;
const LIST = `query ($status: ProductStatusFilter) { products(filter: { status: $status }, pageSize: 100) { items { id } pageInfo { total } } }`;

let sku = 0;
async function create(viewer = admin) {
  const result = await h.gql(CREATE_PRODUCT, { input: { name: `Owned ${randomUUID().slice(0, 6)}`, variants: [{ sku: `OWN-${++sku}`, price: 100 }, { sku: `OWN-${++sku}`, price: 200 }] } }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data!.createProduct as { id: string; variants: { id: string }[] };
}

async function stockChanged(product: { id: string; variants: { id: string }[] }, variant: number, available: number, lowStock: boolean, sequence?: number) {
  const event = createEvent('inventory.stock.changed.v1', {
    variantId: product.variants[variant]!.id, productId: product.id, onHand: available, reserved: 0, available, lowStock, reason: 'ADJUSTMENT', ...(sequence ? { sequence } : {}),
  }, { correlationId: randomUUID(), actor: null });
  await h.bus.publish('inventory.stock.changed.v1', event);
  return event;
}

async function eventually(check: () => Promise<void>) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('seller ownership', () => {
  it('a seller changes and deletes its own products only; an admin any', async () => {
    const own = await create(seller);
    const other = await create(viewerWith('SELLER'));
    expect((await h.gql(UPDATE, { id: own.id, input: { name: 'Mine Now' } }, seller)).data!.updateProduct).toEqual({ name: 'Mine Now', version: 2 });
    expect(errorsOf(await h.gql(UPDATE, { id: other.id, input: { name: 'Stolen' } }, seller))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await h.gql(DELETE, { id: other.id }, seller))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await h.prisma.product.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ version: 1, deletedAt: null });
    expect((await h.gql(UPDATE, { id: other.id, input: { name: 'Admin Edit' } }, admin)).data!.updateProduct.name).toBe('Admin Edit');
    expect((await h.gql(DELETE, { id: own.id }, seller)).data!.deleteProduct).toBe(true);
  });
});

describe('LOW_STOCK from inventory.stock.changed', () => {
  it('lists products with a low variant, follows later changes, and ignores stale events', async () => {
    const product = await create();
    const calm = await create();
    await stockChanged(calm, 0, 50, false, 1);
    await stockChanged(product, 1, 2, true, 3);
    const lowIds = async () => ((await h.gql(LIST, { status: 'LOW_STOCK' })).data!.products.items as { id: string }[]).map((p) => p.id);
    await eventually(async () => expect(await lowIds()).toEqual([product.id]));
    await stockChanged(product, 1, 9, false, 2); // older than the row: ignored
    await stockChanged(calm, 1, 0, true, 1);
    await eventually(async () => expect((await lowIds()).sort()).toEqual([product.id, calm.id].sort()));
    await stockChanged(product, 1, 30, false, 4);
    await eventually(async () => expect(await lowIds()).toEqual([calm.id]));
  });

  it('only staff may filter by status', async () => {
    expect(errorsOf(await h.gql(LIST, { status: 'LOW_STOCK' }, viewerWith('CUSTOMER')))).toEqual([{ code: 'FORBIDDEN', field: 'filter.status' }]);
  });
});
