import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { startTestPlatform, type TestPlatform } from '../../../scripts/platform/test-platform.ts';

/** Reviews through the gateway on the whole platform (demo data seeded), on whichever engines the env selects. */
let platform: TestPlatform;
let adminToken: string;

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id } } }`;
const PRODUCT = `query ($id: ID!) { product(id: $id) { id name rating { average count distribution } reviews(pageSize: 50) { items { id rating verifiedPurchase author { id } } pageInfo { total } } } }`;

async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
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

async function register(): Promise<{ token: string; id: string }> {
  const response = await platform.graphql<{ register: { accessToken: string; user: { id: string } } }>(
    `mutation ($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`,
    { input: { email: `reviewer-${randomUUID().slice(0, 8)}@example.com`, password: 'correct horse battery staple' } },
  );
  expect(response.errors).toBeUndefined();
  return { token: response.data!.register.accessToken, id: response.data!.register.user.id };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  const admin = demoAccounts.find((account) => account.role === 'ADMIN')!;
  const login = await platform.graphql<{ login: { accessToken: string } }>(LOGIN, { email: admin.email, password: admin.password });
  adminToken = login.data!.login.accessToken;
}, 300_000);
afterAll(() => platform?.stop());

describe('reviews through the gateway', () => {
  it('demo products carry seeded, approved reviews and their rating', async () => {
    const list = await platform.graphql<{ products: { items: { id: string }[] } }>(`{ products(pageSize: 5) { items { id } } }`);
    const ids = list.data!.products.items.map((p) => p.id);
    await eventually(async () => {
      const rated = await platform.graphql<{ products: { items: { rating: { count: number; average: number } }[] } }>(`{ products(pageSize: 5) { items { rating { count average } } } }`);
      expect(rated.errors).toBeUndefined();
      expect(rated.data!.products.items.some((p) => p.rating.count > 0)).toBe(true);
    });
    const product = await platform.graphql<{ product: { reviews: { items: { author: { id: string } }[]; pageInfo: { total: number } }; rating: { count: number } } }>(PRODUCT, { id: ids[0] });
    expect(product.errors).toBeUndefined();
    expect(product.data!.product.reviews.pageInfo.total).toBe(product.data!.product.rating.count);
  });

  it('a review on a product the user bought (a real checkout) is verified and published; others wait for a moderator', async () => {
    const buyer = await register();
    const products = await platform.graphql<{ products: { items: { id: string; variants: { id: string; stock: { available: number } }[] }[] } }>(
      `{ products(pageSize: 40) { items { id variants { id stock { available } } } } }`,
    );
    const stocked = products.data!.products.items.filter((p) => p.variants.some((v) => v.stock.available >= 2));
    const [bought, notBought] = stocked;
    const variant = bought!.variants.find((v) => v.stock.available >= 2)!;
    const cart = await platform.graphql<{ addToCart: { id: string } }>(`mutation ($v: ID!) { addToCart(variantId: $v, quantity: 1) { id } }`, { v: variant.id }, buyer.token);
    expect(cart.errors).toBeUndefined();
    const address = { fullName: 'Rae Viewer', line1: '1 Review Row', city: 'London', postalCode: 'N1 1AA', country: 'GB' };
    // Orders learns the catalog from events too: retry while it catches up with the seeded products.
    const placed = await eventually(async () => {
      const result = await platform.graphql<{ placeOrder: { id: string } }>(
        `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }`,
        { input: { cartId: cart.data!.addToCart.id, shippingAddress: address, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: 'tok_visa' } } },
        buyer.token,
      );
      expect(result.errors).toBeUndefined();
      return result;
    }, 60_000);
    const SUBMIT = `mutation ($productId: ID!) { submitReview(productId: $productId, rating: 5, body: "Lovely quality, arrived quickly.") { id status verifiedPurchase author { id } product { id name } } }`;
    const orderId = placed.data!.placeOrder.id;
    // READY_TO_SHIP comes after orders.order.paid has gone out (and round-tripped through shipping).
    await eventually(async () => {
      const order = await platform.graphql<{ order: { status: string } }>(`query ($id: ID!) { order(id: $id) { status } }`, { id: orderId }, buyer.token);
      expect(order.data?.order?.status).toMatch(/^(READY_TO_SHIP|SHIPPED|DELIVERED)$/);
    }, 60_000);
    const result = await platform.graphql<{ submitReview: { status: string; verifiedPurchase: boolean; id: string } }>(SUBMIT, { productId: bought!.id }, buyer.token);
    expect(result.errors).toBeUndefined();
    const verified = result.data!.submitReview;
    expect(verified.verifiedPurchase).toBe(true);
    expect(verified.status).toBe('APPROVED');
    const product = await platform.graphql<{ product: { reviews: { items: { id: string; verifiedPurchase: boolean }[] } } }>(PRODUCT, { id: bought!.id });
    expect(product.data!.product.reviews.items).toContainEqual(expect.objectContaining({ id: verified.id, verifiedPurchase: true }));

    const pending = await platform.graphql<{ submitReview: { id: string; status: string } }>(SUBMIT, { productId: notBought!.id }, buyer.token);
    expect(pending.data!.submitReview.status).toBe('PENDING');
    const queue = await platform.graphql<{ pendingReviews: { items: { id: string; author: { id: string } }[] } }>(`{ pendingReviews(pageSize: 100) { items { id author { id } } } }`, {}, adminToken);
    expect(queue.data!.pendingReviews.items).toContainEqual({ id: pending.data!.submitReview.id, author: { id: buyer.id } });
    const approved = await platform.graphql(`mutation ($id: ID!) { moderateReview(id: $id, decision: APPROVE) { status } }`, { id: pending.data!.submitReview.id }, adminToken);
    expect(approved).toMatchObject({ data: { moderateReview: { status: 'APPROVED' } } });
    const again = await platform.graphql(SUBMIT, { productId: notBought!.id }, buyer.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const me = await platform.graphql<{ me: { reviews: { pageInfo: { total: number } } } }>(`{ me { reviews { pageInfo { total } } } }`, {}, buyer.token);
    expect(me.data!.me.reviews.pageInfo.total).toBe(2);
  });
});
