import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '@drobble/identity/demo-accounts';
import { startTestPlatform, type GraphQLResponse, type TestPlatform } from './test-platform.ts';

/**
 * Checkout end to end through the gateway: cart -> placeOrder -> the order saga across inventory,
 * payments (TEST provider) and shipping -> admin fulfilment, refunds and cancels. Needs the cart,
 * inventory, orders, payments and shipping subgraphs registered.
 */
let platform: TestPlatform;
let adminToken: string;

const ADDRESS = { fullName: 'Grace Hopper', line1: '1 Compiler Way', city: 'Arlington', postalCode: '22201', country: 'US' };
const ORDER = `query ($id: ID!) { order(id: $id) { id status failureReason total { amount currency } history { status } payment { status refunds { amount { amount } } } } }`;
const PLACE = `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id number status total { amount } } }`;
const STOCK = `query ($id: ID!) { product(id: $id) { variants { stock { onHand reserved available } } } }`;

async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
  return platform.graphql<T>(query, variables, token);
}

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await gql<T>(query, variables, token);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined | null | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A product with `stock` units of one variant, known to inventory, cart and orders once this resolves. */
async function product(stock: number, price = 2_500): Promise<{ productId: string; variantId: string }> {
  const sku = `E2E-${randomUUID().slice(0, 8)}`;
  const created = await ok(`mutation ($input: CreateProductInput!) { createProduct(input: $input) { id variants { id } } }`,
    { input: { name: `Checkout Lamp ${sku}`, variants: [{ sku, price, initialStock: stock }] } }, adminToken);
  const productId = created.createProduct.id as string;
  const variantId = created.createProduct.variants[0].id as string;
  await eventually('inventory to know the variant', async () => (await ok(STOCK, { id: productId })).product.variants[0].stock.onHand === stock);
  return { productId, variantId };
}

/** A guest cart with the variant; retried until cart has the variant in its projection. */
async function guestCart(variantId: string, quantity = 1, token?: string): Promise<string> {
  return eventually('a cart', async () => (await ok(`mutation ($v: ID!, $q: Int!) { addToCart(variantId: $v, quantity: $q) { id } }`, { v: variantId, q: quantity }, token)).addToCart.id as string);
}

/** placeOrder, retried while orders has not yet seen the cart or the product (projections are eventual). */
async function place(cartId: string, token: string | undefined, token_ = 'tok_visa', extra: Record<string, unknown> = {}): Promise<{ id: string }> {
  const input = { cartId, email: 'e2e@example.com', shippingAddress: ADDRESS, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: token_ }, ...extra };
  return eventually('placeOrder', async () => {
    const response = await gql(PLACE, { input }, token);
    const code = response.errors?.[0]?.extensions?.code;
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return null;
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.placeOrder as { id: string };
  });
}

const statusIs = (id: string, ...statuses: string[]) =>
  eventually(`order ${id} to be ${statuses.join('/')}`, async () => {
    const order = (await ok(ORDER, { id }, adminToken)).order;
    return statuses.includes(order.status) && order;
  }, 90_000);

beforeAll(async () => {
  platform = await startTestPlatform({ seedDemoData: true });
  adminToken = (await ok(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: DEMO_ADMIN.email, p: DEMO_ADMIN.password })).login.accessToken;
}, 240_000);
afterAll(async () => {
  await platform?.stop();
});

describe('checkout through the gateway', () => {
  it('places an order straight after addToCart when given the Cart.version the shopper saw', async () => {
    const { variantId } = await product(4);
    const cartId = await guestCart(variantId, 1);
    const again = await ok(`mutation ($c: ID!, $v: ID!) { addToCart(cartId: $c, variantId: $v, quantity: 2) { id version itemCount } }`, { c: cartId, v: variantId });
    expect(again.addToCart).toMatchObject({ itemCount: 3, version: 2 });
    const input = { cartId: again.addToCart.id, cartVersion: again.addToCart.version, email: 'now@example.com', shippingAddress: ADDRESS, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: 'tok_visa' } };
    const placed = await ok(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id lines { quantity } } }`, { input });
    expect(placed.placeOrder.lines).toEqual([{ quantity: 3 }]);
    const ahead = await gql(PLACE, { input: { ...input, cartVersion: 99 } });
    expect(ahead.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('returns the same order to retries that carry the same Idempotency-Key header', async () => {
    const { variantId } = await product(3);
    const cart = (await ok(`mutation ($v: ID!) { addToCart(variantId: $v, quantity: 1) { id version } }`, { v: variantId })).addToCart;
    const input = { cartId: cart.id, cartVersion: cart.version, email: 'retry@example.com', shippingAddress: ADDRESS, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: 'tok_visa' } };
    const key = randomUUID();
    const send = async () => {
      const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ query: PLACE, variables: { input } }) });
      return (await response.json()) as GraphQLResponse<{ placeOrder: { id: string } }>;
    };
    const results = await Promise.all([send(), send(), send()]);
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(new Set(results.map((result) => result.data!.placeOrder.id)).size).toBe(1);
    expect((await send()).data!.placeOrder.id).toBe(results[0]!.data!.placeOrder.id);
  });

  it('takes a signed-in customer from cart to READY_TO_SHIP, then SHIPPED and DELIVERED', async () => {
    const email = `buyer-${randomUUID().slice(0, 8)}@example.com`;
    const token = (await ok(`mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`, { input: { email, password: 'correct horse battery staple' } })).register.accessToken;
    const { productId, variantId } = await product(10);
    const cartId = await guestCart(variantId, 2, token);
    const order = await place(cartId, token);
    const ready = await statusIs(order.id, 'READY_TO_SHIP');
    expect(ready.payment.status).toBe('SUCCEEDED');
    expect((await ok(STOCK, { id: productId })).product.variants[0].stock).toMatchObject({ onHand: 8, reserved: 0, available: 8 });
    expect((await ok(`{ myOrders { items { id } } }`, {}, token)).myOrders.items).toEqual([{ id: order.id }]);
    await ok(`mutation ($id: ID!) { markOrderShipped(id: $id) { status } }`, { id: order.id }, adminToken);
    // Once SHIPPED, neither the owner nor an admin can cancel, and the order stays SHIPPED.
    for (const canceller of [token, adminToken]) {
      const refused = await gql(`mutation ($id: ID!) { cancelOrder(id: $id) { status } }`, { id: order.id }, canceller);
      expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    }
    expect((await ok(`query ($id: ID!) { order(id: $id) { status } }`, { id: order.id }, adminToken)).order.status).toBe('SHIPPED');
    const delivered = await ok(`mutation ($id: ID!) { markOrderDelivered(id: $id) { status history { status } } }`, { id: order.id }, adminToken);
    expect(delivered.markOrderDelivered.history.map((e: any) => e.status)).toEqual(['PENDING', 'STOCK_RESERVED', 'PAID', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED']);
    const cancel = await gql(`mutation ($id: ID!) { cancelOrder(id: $id) { status } }`, { id: order.id }, token);
    expect(cancel.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('fails a declined payment (stock back) and an out-of-stock order (nothing charged)', async () => {
    const { productId, variantId } = await product(3);
    const declined = await place(await guestCart(variantId, 2), undefined, 'tok_chargeDeclined');
    const failed = await statusIs(declined.id, 'FAILED');
    expect(failed.failureReason).toBe('PAYMENT_DECLINED');
    await eventually('stock released', async () => (await ok(STOCK, { id: productId })).product.variants[0].stock.available === 3);
    const cartId = await guestCart(variantId, 3);
    await ok(`mutation ($id: ID!) { adjustStock(variantId: $id, delta: -2, reason: "damaged") { available } }`, { id: variantId }, adminToken);
    const tooMany = await place(cartId, undefined);
    const out = await statusIs(tooMany.id, 'FAILED');
    expect(out.failureReason).toBe('OUT_OF_STOCK');
    expect(out.payment).toBeNull();
  });

  it('sells the last 5 units to exactly 5 of 20 concurrent checkouts', async () => {
    const { productId, variantId } = await product(5);
    const carts = await Promise.all(Array.from({ length: 20 }, () => guestCart(variantId, 1)));
    const orders = await Promise.all(carts.map((cartId) => place(cartId, undefined)));
    const finals = await Promise.all(orders.map((order) => statusIs(order.id, 'READY_TO_SHIP', 'PAID', 'FAILED')));
    const sold = finals.filter((order) => order.status !== 'FAILED');
    const failed = finals.filter((order) => order.status === 'FAILED');
    expect(sold).toHaveLength(5);
    expect(failed.every((order) => order.failureReason === 'OUT_OF_STOCK' && order.payment === null)).toBe(true);
    // Inventory commits each paid reservation on orders.order.paid (eventually); stock never goes below zero.
    const stock = await eventually('reservations committed', async () => {
      const level = (await ok(STOCK, { id: productId })).product.variants[0].stock;
      expect(level.available).toBeGreaterThanOrEqual(0);
      return level.reserved === 0 && level;
    });
    expect(stock).toEqual({ onHand: 0, reserved: 0, available: 0 });
  }, 300_000);

  it('cancels before payment (stock back) and after payment (stock back, refunded)', async () => {
    const { productId, variantId } = await product(4);
    const waiting = await place(await guestCart(variantId, 1), undefined, 'tok_requiresAction');
    await statusIs(waiting.id, 'AWAITING_PAYMENT');
    expect((await ok(`mutation ($id: ID!) { cancelOrder(id: $id) { status } }`, { id: waiting.id }, adminToken)).cancelOrder.status).toBe('CANCELLED');
    const paid = await place(await guestCart(variantId, 2), undefined);
    await statusIs(paid.id, 'READY_TO_SHIP');
    await ok(`mutation ($id: ID!) { cancelOrder(id: $id, reason: "customer called") { status } }`, { id: paid.id }, adminToken);
    await eventually('refund', async () => (await ok(ORDER, { id: paid.id }, adminToken)).order.payment.status === 'REFUNDED');
    await eventually('stock back', async () => (await ok(STOCK, { id: productId })).product.variants[0].stock.available === 4);
  });

  it('charges the current price when it changed between add-to-cart and checkout', async () => {
    const a = await product(5, 2_000);
    const marker = await product(50, 500);
    const skuOf = async (productId: string) => (await ok(`query ($id: ID!) { product(id: $id) { name variants { sku } } }`, { id: productId })).product;
    const [pa, pm] = [await skuOf(a.productId), await skuOf(marker.productId)];
    const cartId = await guestCart(a.variantId, 1);
    const rows = [{ sku: pa.variants[0].sku, name: pa.name, price: 2_600 }, { sku: pm.variants[0].sku, name: pm.name, price: 777 }];
    const imported = await ok(`mutation ($d: String!) { importProducts(format: JSON, data: $d) { updated errors { message } } }`, { d: JSON.stringify(rows) }, adminToken);
    expect(imported.importProducts.errors).toEqual([]);
    // catalog.product.updated reaches orders in publish order: once the marker's new price shows on an order, so has A's.
    await eventually('orders to see the new prices', async () => {
      const probe = await place(await guestCart(marker.variantId, 1), undefined);
      return (await ok(`query ($id: ID!) { order(id: $id) { lines { unitPrice { amount } } } }`, { id: probe.id }, adminToken)).order.lines[0].unitPrice.amount === 777;
    });
    const order = await place(cartId, undefined);
    const read = await ok(`query ($id: ID!) { order(id: $id) { lines { unitPrice { amount } } subtotal { amount } } }`, { id: order.id }, adminToken);
    expect(read.order.lines[0].unitPrice.amount).toBe(2_600);
    expect(read.order.subtotal.amount).toBe(2_600);
  });

  it('refunds partially, then fully (REFUNDED)', async () => {
    const { variantId } = await product(2, 4_000);
    const order = await place(await guestCart(variantId, 1), undefined);
    const ready = await statusIs(order.id, 'READY_TO_SHIP');
    await ok(`mutation ($id: ID!) { refundOrder(id: $id, amount: 1000, reason: "scratch") { status } }`, { id: order.id }, adminToken);
    await eventually('partial refund', async () => (await ok(ORDER, { id: order.id }, adminToken)).order.payment.status === 'PARTIALLY_REFUNDED');
    await ok(`mutation ($id: ID!) { refundOrder(id: $id, reason: "returned") { status } }`, { id: order.id }, adminToken);
    const refunded = await statusIs(order.id, 'REFUNDED');
    expect(refunded.payment.refunds.map((r: any) => r.amount.amount).sort()).toEqual([1_000, ready.total.amount - 1_000].sort());
  });
});
