import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { startTestPlatform, type TestPlatform } from '../../../scripts/platform/test-platform.ts';

/**
 * Through the gateway: one placeOrder, sent with its own x-correlation-id, leaves audit entries
 * that all share that id, from orders.order.placed to the saga's last step (shipment prepared).
 * Needs the orders, inventory, payments, shipping and cart subgraphs registered.
 */
let platform: TestPlatform;

async function gql<T = any>(query: string, variables: Record<string, unknown>, token?: string, correlationId?: string) {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
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

const login = async (email: string, password: string) =>
  (await gql<{ login: { accessToken: string } }>(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password })).login.accessToken;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe('audit of one placeOrder', () => {
  it('shares the request correlation id from the HTTP request to the last saga step', async () => {
    const registered = await gql<{ register: { accessToken: string } }>(
      `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      { input: { email: `audit-${randomUUID()}@example.com`, password: 'correct horse battery staple', firstName: 'Ada' } },
    );
    const token = registered.register.accessToken;
    const products = await gql<{ products: { items: { variants: { id: string; stock: { available: number } }[] }[] } }>(
      `{ products(pageSize: 20) { items { variants { id stock { available } } } } }`, {},
    );
    const variant = products.products.items.flatMap((product) => product.variants).find((candidate) => candidate.stock.available >= 2)!;
    expect(variant).toBeDefined();
    const cart = await gql<{ addToCart: { id: string } }>(`mutation ($v: ID!) { addToCart(variantId: $v, quantity: 1) { id } }`, { v: variant.id }, token);

    const correlationId = `e2e-${randomUUID()}`;
    const address = { fullName: 'Ada Lovelace', line1: '1 Analytical St', city: 'London', postalCode: 'N1 1AA', country: 'GB' };
    // Orders learns carts from cart events: retry while the cart is not known there yet.
    const placed = await eventually(() => gql<{ placeOrder: { id: string } }>(
      `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`,
      { input: { cartId: cart.addToCart.id, shippingAddress: address, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: 'tok_visa' } } },
      token,
      correlationId,
    ), 30_000);
    const orderId = placed.placeOrder.id;

    const adminAccount = demoAccounts.find((account) => account.role === 'ADMIN')!;
    const adminToken = await login(adminAccount.email, adminAccount.password);
    const expected = [
      'orders.order.placed',
      'orders.order.stock_reservation_requested',
      'inventory.reservation.confirmed',
      'orders.order.payment_requested',
      'payments.payment.succeeded',
      'orders.order.paid',
      'orders.order.shipment_requested',
      'shipping.shipment.prepared',
    ];
    const entries = await eventually(async () => {
      const log = await gql<{ auditLog: { items: { type: string; correlationId: string; subjectId: string | null }[] } }>(
        `query ($f: AuditFilter) { auditLog(filter: $f, pageSize: 100) { items { type correlationId subjectId } } }`,
        { f: { correlationId } },
        adminToken,
      );
      const types = new Set(log.auditLog.items.map((item) => item.type));
      for (const type of expected) expect(types, `missing ${type}`).toContain(type);
      return log.auditLog.items;
    });
    expect(entries.every((entry) => entry.correlationId === correlationId)).toBe(true);
    expect(entries.find((entry) => entry.type === 'orders.order.placed')!.subjectId).toBe(orderId);
    const byOrder = await gql<{ auditLog: { items: { correlationId: string }[] } }>(
      `query ($f: AuditFilter) { auditLog(filter: $f, pageSize: 100) { items { correlationId } } }`,
      { f: { subjectId: orderId } },
      adminToken,
    );
    expect(byOrder.auditLog.items.length).toBeGreaterThan(0);
    expect(byOrder.auditLog.items.every((entry) => entry.correlationId === correlationId)).toBe(true);
  });
});
