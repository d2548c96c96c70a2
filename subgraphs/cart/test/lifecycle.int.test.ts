import { randomUUID } from 'node:crypto';
import type { PayloadOf } from '@drobble/schema/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productCreated, type ProductCreated } from './catalog-fixtures.ts';
import { ADD, CART, errorsOf, eventually, startCart, viewerWith, type CartHarness } from './harness.ts';

/** Expiry, carts emptied by placed orders, and concurrent changes of one cart. */
let h: CartHarness;

async function publishProduct(product: ProductCreated) {
  await h.publish('catalog.product.created.v1', product);
  await eventually(async () => (await h.prisma.variantStock.count({ where: { variantId: { in: product.variants.map((v) => v.id) } } })) === product.variants.length, 'product projection');
}

const cartEvents = async (cartId: string) =>
  (await h.prisma.outboxEvent.findMany({ orderBy: { createdAt: 'asc' } }))
    .map((row) => row.envelope as { causationId: string | null; data: PayloadOf<'cart.cart.updated.v1'> })
    .filter((envelope) => envelope.data.cartId === cartId);

function orderPlaced(cartId: string, product: ProductCreated, lines: [number, number][]): PayloadOf<'orders.order.placed.v1'> {
  const orderLines = lines.map(([index, quantity]) => ({
    variantId: product.variants[index]!.id,
    productId: product.id,
    sku: product.variants[index]!.sku,
    productName: product.name,
    quantity,
    unitPrice: product.variants[index]!.price,
  }));
  const subtotal = orderLines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  return {
    orderId: randomUUID(),
    number: 'ORD-20261123-ABCDE',
    customerId: null,
    email: 'guest@example.com',
    currency: 'USD',
    cartId,
    lines: orderLines,
    subtotal,
    tax: 0,
    shippingCost: 0,
    total: subtotal,
    shippingMethod: 'STANDARD',
    shippingAddress: { fullName: 'Ada', line1: '1 Main St', line2: null, city: 'Springfield', region: null, postalCode: '12345', country: 'US', phone: null },
    placedAt: new Date().toISOString(),
  };
}

beforeAll(async () => {
  h = await startCart({ CART_SWEEP_INTERVAL_MS: '1000' });
});
afterAll(async () => {
  await h?.stop();
});

describe('guest cart expiry', () => {
  it('gives a guest cart 7 days from its last change, then NOT_FOUND, then sweeps it with a last empty update', async () => {
    const product = productCreated([{ price: 100, initialStock: 5 }]);
    await publishProduct(product);
    const cartId = (await h.gql(ADD, { variantId: product.variants[0]!.id, quantity: 1 })).data!.addToCart.id;
    const row = await h.prisma.cart.findUniqueOrThrow({ where: { id: cartId } });
    expect(row.expiresAt!.getTime() - row.updatedAt.getTime()).toBe(7 * 24 * 3_600_000);
    const user = viewerWith('CUSTOMER');
    const userCartId = (await h.gql(ADD, { variantId: product.variants[0]!.id, quantity: 1 }, user)).data!.addToCart.id;
    await h.prisma.cart.updateMany({ where: { id: { in: [cartId, userCartId] } }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(errorsOf(await h.gql(CART, { id: cartId }))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(errorsOf(await h.gql(ADD, { cartId, variantId: product.variants[0]!.id, quantity: 1 }))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(errorsOf(await h.gql(ADD, { cartId, variantId: product.variants[0]!.id, quantity: 1 }, user))).toEqual([{ code: 'NOT_FOUND' }]);
    await eventually(async () => (await h.prisma.cart.count({ where: { id: cartId } })) === 0, 'the sweep');
    const events = await cartEvents(cartId);
    expect(events.map((event) => [event.data.version, event.data.lines.length])).toEqual([[1, 1], [2, 0]]);
    expect((await h.gql(CART, {}, user)).data!.cart.id).toBe(userCartId);
  });
});

describe('orders.order.placed.v1', () => {
  it('takes the ordered lines out of the cart, publishing the change caused by the order', async () => {
    const product = productCreated([{ price: 100, initialStock: 9 }, { price: 250, initialStock: 9 }]);
    await publishProduct(product);
    const cartId = (await h.gql(ADD, { variantId: product.variants[0]!.id, quantity: 2 })).data!.addToCart.id;
    await h.gql(ADD, { cartId, variantId: product.variants[1]!.id, quantity: 3 });
    const placed = orderPlaced(cartId, product, [[0, 2], [1, 3]]);
    const eventId = await h.publish('orders.order.placed.v1', placed);
    await eventually(async () => (await h.gql(CART, { id: cartId })).data?.cart.itemCount === 0, 'emptied cart');
    const events = await cartEvents(cartId);
    expect(events.map((event) => [event.data.version, event.data.lines.length])).toEqual([[1, 1], [2, 2], [3, 0]]);
    expect(events[2]!.causationId).toBe(eventId);

  });

  it('keeps what was added after the order and ignores orders without a cart', async () => {
    const product = productCreated([{ price: 100, initialStock: 9 }]);
    await publishProduct(product);
    const user = viewerWith('CUSTOMER');
    const cartId = (await h.gql(ADD, { variantId: product.variants[0]!.id, quantity: 5 }, user)).data!.addToCart.id;
    await h.publish('orders.order.placed.v1', { ...orderPlaced(cartId, product, [[0, 3]]), customerId: user.userId });
    await h.publish('orders.order.placed.v1', { ...orderPlaced(cartId, product, [[0, 1]]), cartId: null });
    await eventually(async () => (await h.prisma.inboxEvent.count({ where: { consumer: 'cart-orders-placed' } })) >= 2, 'orders handled', 30_000);
    await eventually(async () => (await h.gql(CART, {}, user)).data?.cart.itemCount === 2, 'remaining 2');
  });
});

describe('concurrency', () => {
  it('loses no update when many addToCart run at once on one cart', async () => {
    const product = productCreated([{ price: 100, initialStock: 500 }, { price: 100, initialStock: 500 }]);
    await publishProduct(product);
    const cartId = (await h.gql(ADD, { variantId: product.variants[0]!.id, quantity: 1 })).data!.addToCart.id;
    const adds = Array.from({ length: 12 }, (_, index) => h.gql(ADD, { cartId, variantId: product.variants[index % 2]!.id, quantity: 2 }));
    const results = await Promise.all(adds);
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const cart = (await h.gql(CART, { id: cartId })).data!.cart;
    expect(cart.lines.map((line: { quantity: number }) => line.quantity)).toEqual([13, 12]);
    const versions = (await cartEvents(cartId)).map((event) => event.data.version);
    expect(versions).toEqual(Array.from({ length: 13 }, (_, index) => index + 1));
  });

  it('keeps a line within available stock when concurrent additions race for the last units', async () => {
    const product = productCreated([{ price: 100, initialStock: 3 }]);
    await publishProduct(product);
    const cartId = (await h.gql(ADD, { variantId: product.variants[0]!.id, quantity: 1 })).data!.addToCart.id;
    const results = await Promise.all([1, 2, 3, 4].map(() => h.gql(ADD, { cartId, variantId: product.variants[0]!.id, quantity: 1 })));
    expect(results.filter((result) => result.errors?.[0]?.extensions?.code === 'OUT_OF_STOCK')).toHaveLength(2);
    expect((await h.gql(CART, { id: cartId })).data!.cart.itemCount).toBe(3);
  });
});
