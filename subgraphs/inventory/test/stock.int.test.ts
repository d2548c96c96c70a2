import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@drobble/kit/logger';
import { createInventoryContext } from '../src/context.ts';
import { buildInventorySchema } from '../src/graphql/schema.ts';
import { createInventoryPrisma, type InventoryPrisma } from '../src/infra/prisma.ts';
import { admin, customer, errorsOf, eventually, startInventory, stockChanges, type InventoryHarness } from './harness.ts';

// @apollo/subgraph builds the schema with graphql's CommonJS build; execute with the same instance.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

let h: InventoryHarness;
let counted: InventoryPrisma;
let statements: string[] = [];
beforeAll(async () => {
  h = await startInventory();
  counted = createInventoryPrisma(h.databaseUrl, { logQueries: true });
  (counted as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (event) => void statements.push(event.query));
});
afterAll(async () => {
  await counted?.$disconnect();
  await h?.stop();
});

const ADJUST = `mutation ($v: ID!, $d: Int!, $r: String!) { adjustStock(variantId: $v, delta: $d, reason: $r) { onHand reserved available lowStock lowStockThreshold } }`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { id stock { onHand reserved available lowStock } } ... on Product { id inStock } } }`;

describe('adjustStock and thresholds', () => {
  it('an admin adjusts with a reason: logged, published, lowStock follows the threshold', async () => {
    const { variantIds: [a] } = await h.product([2]);
    const result = await h.gql(ADJUST, { v: a, d: 10, r: 'Delivery from supplier' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.adjustStock).toEqual({ onHand: 12, reserved: 0, available: 12, lowStock: false, lowStockThreshold: 5 });
    const threshold = await h.gql(`mutation ($v: ID!) { setLowStockThreshold(variantId: $v, threshold: 12) { lowStock lowStockThreshold } }`, { v: a });
    expect(threshold.data!.setLowStockThreshold).toEqual({ lowStock: true, lowStockThreshold: 12 });
    const movement = await h.prisma.stockMovement.findFirstOrThrow({ where: { variantId: a!, reason: 'Delivery from supplier' } });
    expect(movement).toMatchObject({ onHandDelta: 10, reservedDelta: 0, actorId: admin.userId });
    await eventually(() =>
      expect(stockChanges(h).filter((e) => e.variantId === a).map((e) => [e.reason, e.onHand, e.lowStock, e.sequence])).toEqual([
        ['INITIAL', 2, true, 1],
        ['Delivery from supplier', 12, false, 2],
        ['THRESHOLD', 12, true, 3],
      ]),
    );
  });

  it('refuses to take onHand below what is reserved, and changes nothing', async () => {
    const { variantIds: [a] } = await h.product([5]);
    const orderId = randomUUID();
    await h.publish('orders.order.stock_reservation_requested.v1', { orderId, lines: [{ variantId: a!, quantity: 4 }] });
    await eventually(async () => expect((await h.prisma.stockItem.findUniqueOrThrow({ where: { variantId: a! } })).reserved).toBe(4));
    expect(errorsOf(await h.gql(ADJUST, { v: a, d: -2, r: 'Damaged' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'delta' }]);
    expect(await h.prisma.stockItem.findUniqueOrThrow({ where: { variantId: a! } })).toMatchObject({ onHand: 5, reserved: 4 });
    expect((await h.gql(ADJUST, { v: a, d: -1, r: 'Damaged' })).data!.adjustStock).toMatchObject({ onHand: 4, available: 0 });
  });

  it('validates input and roles with stable codes', async () => {
    const { variantIds: [a] } = await h.product([1]);
    expect(errorsOf(await h.gql(ADJUST, { v: a, d: 0, r: 'x' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'delta' }]);
    expect(errorsOf(await h.gql(ADJUST, { v: a, d: 1, r: '  ' }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'reason' }]);
    expect(errorsOf(await h.gql(ADJUST, { v: randomUUID(), d: 1, r: 'x' }))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(errorsOf(await h.gql(ADJUST, { v: 'nope', d: 1, r: 'x' }))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(errorsOf(await h.gql(ADJUST, { v: a, d: 1, r: 'x' }, customer))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await h.gql(`mutation ($v: ID!) { setLowStockThreshold(variantId: $v, threshold: -1) { lowStock } }`, { v: a }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'threshold' }]);
    expect((await h.prisma.stockItem.findUniqueOrThrow({ where: { variantId: a! } })).onHand).toBe(1);
  });

  it('a deleted product is discontinued: no more reservations', async () => {
    const { productId, variantIds: [a] } = await h.product([9]);
    const snapshot = { id: productId, slug: `p-${productId}`, name: 'Gone', description: '', categoryId: null, active: false, featured: false, currency: 'USD', attributes: [], images: [], variants: [{ id: a!, sku: 'GONE-1', name: 'V', price: 1, options: [] }], version: 2 };
    await h.publish('catalog.product.deleted.v1', snapshot);
    await eventually(async () => expect((await h.prisma.stockItem.findUniqueOrThrow({ where: { variantId: a! } })).discontinued).toBe(true));
    const orderId = randomUUID();
    await h.publish('orders.order.stock_reservation_requested.v1', { orderId, lines: [{ variantId: a!, quantity: 1 }] });
    await eventually(() => expect(h.received.find((e) => e.type === 'inventory.reservation.rejected' && e.data.orderId === orderId)?.data).toMatchObject({ reason: 'UNKNOWN_VARIANT' }));
    // A late updated event (redelivered after the delete) does not bring the variant back.
    await h.publish('catalog.product.updated.v1', { ...snapshot, active: true, version: 1 });
    const again = randomUUID();
    await h.publish('orders.order.stock_reservation_requested.v1', { orderId: again, lines: [{ variantId: a!, quantity: 1 }] });
    await eventually(() => expect(h.received.find((e) => e.type === 'inventory.reservation.rejected' && e.data.orderId === again)?.data).toMatchObject({ reason: 'UNKNOWN_VARIANT' }));
    expect((await h.prisma.stockItem.findUniqueOrThrow({ where: { variantId: a! } })).discontinued).toBe(true);
  });
});

describe('entity resolution is batched', () => {
  async function entities(representations: unknown[]) {
    const contextValue = createInventoryContext({ prisma: counted, logger: createLogger('t', 'silent'), reservationTtlMs: 60_000, defaultLowStockThreshold: 5 })({
      viewer: customer, correlationId: 'count', logger: createLogger('t', 'silent'),
    });
    statements = [];
    const result = await graphql({ schema: buildInventorySchema(), source: ENTITIES, variableValues: { r: representations }, contextValue });
    expect(result.errors).toBeUndefined();
    return { data: (result.data as { _entities: any[] })._entities, queries: statements.length };
  }

  it('one query for the variants and one for the products, whatever the page size', async () => {
    const products: { productId: string; variantIds: string[] }[] = [];
    for (let i = 0; i < 12; i++) products.push(await h.product([i % 3, 0]));
    const page = (n: number) => [
      ...products.slice(0, n).flatMap((p) => p.variantIds.map((id) => ({ __typename: 'ProductVariant', id }))),
      ...products.slice(0, n).map((p) => ({ __typename: 'Product', id: p.productId })),
    ];
    const small = await entities(page(2));
    const large = await entities(page(12));
    expect(small.queries).toBe(2);
    expect(large.queries).toBe(2);
    expect(large.data.filter((e) => 'inStock' in e).map((e) => e.inStock)).toEqual(products.map((_, i) => i % 3 !== 0));
    expect(large.data[2]).toEqual({ id: products[1]!.variantIds[0], stock: { onHand: 1, reserved: 0, available: 1, lowStock: true } });
  });

  it('a variant inventory has not heard of shows zero stock', async () => {
    const id = randomUUID();
    const { data } = await entities([{ __typename: 'ProductVariant', id }, { __typename: 'Product', id }]);
    expect(data).toEqual([{ id, stock: { onHand: 0, reserved: 0, available: 0, lowStock: true } }, { id, inStock: false }]);
  });
});
