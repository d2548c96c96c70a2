import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { startTestPlatform, type TestPlatform } from '../../../scripts/platform/test-platform.ts';

/**
 * Through the gateway with real orders: the dashboard's figures move by exactly what the orders
 * themselves say (orders paid today and their totals, minus a refund), computed from `orders`.
 */
let platform: TestPlatform;

async function gql<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await platform.graphql<T>(query, variables, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

const DASHBOARD = `{ dashboard { salesToday { amount currency } ordersToday newCustomersToday } }`;
type Figures = { salesToday: { amount: number }; ordersToday: number; newCustomersToday: number };
const PAID_OR_LATER = new Set(['PAID', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'REFUNDED', 'CANCELLED']);

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe('dashboard against real orders', () => {
  it('moves by the paid orders totals and the refund, and counts the new customer', async () => {
    const adminAccount = demoAccounts.find((account) => account.role === 'ADMIN')!;
    const adminToken = (await gql<{ login: { accessToken: string } }>(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: adminAccount.email, p: adminAccount.password })).login.accessToken;
    const before = (await gql<{ dashboard: Figures }>(DASHBOARD, {}, adminToken)).dashboard;

    const token = (await gql<{ register: { accessToken: string } }>(`mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      { input: { email: `dash-${randomUUID()}@example.com`, password: 'correct horse battery staple', firstName: 'Dee' } })).register.accessToken;
    const products = await gql<{ products: { items: { variants: { id: string; stock: { available: number } }[] }[] } }>(`{ products(pageSize: 30) { items { variants { id stock { available } } } } }`, {});
    const variants = products.products.items.flatMap((p) => p.variants).filter((v) => v.stock.available >= 3).slice(0, 3);
    expect(variants).toHaveLength(3);
    const address = { fullName: 'Dee Dash', line1: '2 Figure Rd', city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' };
    const orderIds: string[] = [];
    for (const [index, token_] of ['tok_visa', 'tok_visa', 'tok_chargeDeclined'].entries()) {
      const cart = await gql<{ addToCart: { id: string } }>(`mutation ($v: ID!) { addToCart(variantId: $v, quantity: 1) { id } }`, { v: variants[index]!.id }, token);
      // Orders learns carts from cart events: retry while the cart is not known there yet.
      const placed = await eventually(() => gql<{ placeOrder: { id: string } }>(`mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`,
        { input: { cartId: cart.addToCart.id, shippingAddress: address, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: token_ } } }, token), 30_000);
      orderIds.push(placed.placeOrder.id);
    }
    const ORDER = `query ($id: ID!) { order(id: $id) { id status total { amount } } }`;
    const orders = await eventually(async () => {
      const list = await Promise.all(orderIds.map(async (id) => (await gql<{ order: { id: string; status: string; total: { amount: number } } }>(ORDER, { id }, adminToken)).order));
      expect(list.map((order) => PAID_OR_LATER.has(order.status) || order.status === 'FAILED')).toEqual([true, true, true]);
      return list;
    });
    const paid = orders.filter((order) => PAID_OR_LATER.has(order.status));
    expect(paid).toHaveLength(2);
    const paidTotal = paid.reduce((sum, order) => sum + order.total.amount, 0);
    await eventually(async () => {
      const now = (await gql<{ dashboard: Figures }>(DASHBOARD, {}, adminToken)).dashboard;
      expect(now.ordersToday - before.ordersToday).toBe(2);
      expect(now.salesToday.amount - before.salesToday.amount).toBe(paidTotal);
      expect(now.newCustomersToday - before.newCustomersToday).toBe(1);
    });

    await gql(`mutation ($id: ID!) { refundOrder(id: $id, amount: 500, reason: "scratched") { id } }`, { id: paid[0]!.id }, adminToken);
    await eventually(async () => {
      const now = (await gql<{ dashboard: Figures }>(DASHBOARD, {}, adminToken)).dashboard;
      expect(now.salesToday.amount - before.salesToday.amount).toBe(paidTotal - 500);
      expect(now.ordersToday - before.ordersToday).toBe(2);
    });
  });
});
