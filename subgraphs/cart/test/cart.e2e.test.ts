import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '@drobble/identity/demo-accounts';
import { startTestPlatform, type TestPlatform } from '../../../scripts/platform/test-platform.ts';

/**
 * The cart through the gateway on the whole platform: catalog's seeded and created products reach
 * the cart only through real events; CartLine.variant and Wishlist.products resolve in catalog.
 * Guest carts live GUEST_TTL seconds here, so expiry can be watched in one test.
 */
const GUEST_TTL = 25;
let platform: TestPlatform;
let adminToken: string;
let customerToken: string;

type Line = { quantity: number; variant: { id: string; sku: string }; unitPrice: { amount: number } };
type Cart = { id: string; itemCount: number; subtotal: { amount: number; currency: string }; lines: Line[] };
const FIELDS = `id itemCount subtotal { amount currency } lines { quantity variant { id sku } unitPrice { amount } }`;
const ADD = `mutation ($cartId: ID, $variantId: ID!, $quantity: Int!) { addToCart(cartId: $cartId, variantId: $variantId, quantity: $quantity) { ${FIELDS} } }`;
const UPDATE = `mutation ($cartId: ID, $variantId: ID!, $quantity: Int!) { updateCartLine(cartId: $cartId, variantId: $variantId, quantity: $quantity) { ${FIELDS} } }`;
const REMOVE = `mutation ($cartId: ID, $variantId: ID!) { removeFromCart(cartId: $cartId, variantId: $variantId) { ${FIELDS} } }`;
const CART = `query ($id: ID) { cart(id: $id) { ${FIELDS} } }`;
const code = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

async function login(role: string): Promise<string> {
  const account = demoAccounts.find((candidate) => candidate.role === role)!;
  const response = await platform.graphql<{ login: { accessToken: string } }>(
    `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
    { email: account.email, password: account.password },
  );
  return response.data!.login.accessToken;
}

/** Retries until the cart has heard of the variant (catalog's events arrive asynchronously). */
async function addWhenKnown(variables: Record<string, unknown>, token?: string): Promise<Cart> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await platform.graphql<{ addToCart: Cart }>(ADD, variables, token);
    if (!response.errors) return response.data!.addToCart;
    if (code(response) !== 'NOT_FOUND' || Date.now() > deadline) throw new Error(JSON.stringify(response.errors));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function createProduct(price: number, initialStock: number): Promise<{ id: string; slug: string; variantId: string; sku: string }> {
  const suffix = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const input = { name: `Cart Mug ${suffix}`, slug: `cart-mug-${suffix}`, variants: [{ sku: `CART-MUG-${suffix}`, price, initialStock }] };
  const created = await platform.graphql<{ createProduct: { id: string; slug: string; variants: { id: string; sku: string }[] } }>(
    `mutation ($input: CreateProductInput!) { createProduct(input: $input) { id slug variants { id sku } } }`,
    { input },
    adminToken,
  );
  expect(created.errors).toBeUndefined();
  const product = created.data!.createProduct;
  return { id: product.id, slug: product.slug, variantId: product.variants[0]!.id, sku: product.variants[0]!.sku };
}

beforeAll(async () => {
  process.env.CART_GUEST_TTL_SECONDS = String(GUEST_TTL);
  platform = await startTestPlatform();
  adminToken = await login('ADMIN');
  customerToken = await login('CUSTOMER');
}, 240_000);
afterAll(async () => {
  await platform?.stop();
});

describe('cart through the gateway', () => {
  it('adds, updates and removes seeded variants, resolved by catalog', async () => {
    const products = await platform.graphql<{ products: { items: { variants: { id: string; sku: string; price: { amount: number } }[] }[] } }>(
      `{ products(pageSize: 5) { items { variants { id sku price { amount } } } } }`,
    );
    const [a, b] = products.data!.products.items.flatMap((product) => product.variants).slice(0, 2);
    const first = await addWhenKnown({ variantId: a!.id, quantity: 1 });
    expect(first.lines).toEqual([{ quantity: 1, variant: { id: a!.id, sku: a!.sku }, unitPrice: { amount: a!.price.amount } }]);
    let cart = (await platform.graphql<{ addToCart: Cart }>(ADD, { cartId: first.id, variantId: b!.id, quantity: 1 })).data?.addToCart;
    cart ??= await addWhenKnown({ cartId: first.id, variantId: b!.id, quantity: 1 });
    expect(cart.subtotal).toEqual({ amount: a!.price.amount + b!.price.amount, currency: 'USD' });
    const removed = await platform.graphql<{ updateCartLine: Cart }>(UPDATE, { cartId: first.id, variantId: a!.id, quantity: 0 });
    expect(removed.data!.updateCartLine.lines.map((line) => line.variant.id)).toEqual([b!.id]);
    const empty = await platform.graphql<{ removeFromCart: Cart }>(REMOVE, { cartId: first.id, variantId: b!.id });
    expect(empty.data!.removeFromCart).toMatchObject({ itemCount: 0, lines: [] });
  });

  it('answers OUT_OF_STOCK, BAD_USER_INPUT and NOT_FOUND (inactive) with their codes', async () => {
    const product = await createProduct(1500, 2);
    const cart = await addWhenKnown({ variantId: product.variantId, quantity: 2 });
    expect(code(await platform.graphql(ADD, { cartId: cart.id, variantId: product.variantId, quantity: 1 }))).toBe('OUT_OF_STOCK');
    expect(code(await platform.graphql(ADD, { cartId: cart.id, variantId: product.variantId, quantity: 0 }))).toBe('BAD_USER_INPUT');
    expect(code(await platform.graphql(ADD, { cartId: cart.id, variantId: product.variantId, quantity: 100_000 }))).toBe('BAD_USER_INPUT');
    const hidden = await platform.graphql(`mutation ($id: ID!) { updateProduct(id: $id, input: { active: false }) { id } }`, { id: product.id }, adminToken);
    expect(hidden.errors).toBeUndefined();
    const deadline = Date.now() + 60_000;
    let last: unknown;
    while (Date.now() < deadline && (last = code(await platform.graphql(UPDATE, { cartId: cart.id, variantId: product.variantId, quantity: 1 }))) !== 'NOT_FOUND') {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(last).toBe('NOT_FOUND');
  });

  it('shows a catalog price change in unitPrice', async () => {
    const product = await createProduct(1000, 10);
    const cart = await addWhenKnown({ variantId: product.variantId, quantity: 3 });
    expect(cart.subtotal.amount).toBe(3000);
    const rows = JSON.stringify([{ sku: product.sku, name: 'Cart Mug repriced', slug: product.slug, price: 750 }]);
    const imported = await platform.graphql<{ importProducts: { updated: number } }>(
      `mutation ($data: String!) { importProducts(format: JSON, data: $data) { updated errors { row message } } }`,
      { data: rows },
      adminToken,
    );
    expect(imported.data?.importProducts.updated, JSON.stringify(imported)).toBe(1);
    const deadline = Date.now() + 60_000;
    let current: Cart | undefined;
    while (Date.now() < deadline && (current = (await platform.graphql<{ cart: Cart }>(CART, { id: cart.id })).data!.cart).lines[0]!.unitPrice.amount !== 750) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(current!.subtotal).toEqual({ amount: 2250, currency: 'USD' });
  });

  it('merges a guest cart into the signed-in customer cart, and keeps a wishlist', async () => {
    const product = await createProduct(500, 4);
    const guest = await addWhenKnown({ variantId: product.variantId, quantity: 3 });
    await platform.graphql(ADD, { variantId: product.variantId, quantity: 2 }, customerToken);
    const merged = await platform.graphql<{ mergeGuestCart: Cart }>(`mutation ($id: ID!) { mergeGuestCart(guestCartId: $id) { ${FIELDS} } }`, { id: guest.id }, customerToken);
    expect(merged.errors).toBeUndefined();
    expect(merged.data!.mergeGuestCart.lines.find((line) => line.variant.id === product.variantId)!.quantity).toBe(4);
    expect(code(await platform.graphql(CART, { id: guest.id }))).toBe('NOT_FOUND');
    expect(code(await platform.graphql(CART, { id: merged.data!.mergeGuestCart.id }))).toBe('NOT_FOUND');

    expect(code(await platform.graphql(`{ wishlist { products { id } } }`))).toBe('UNAUTHENTICATED');
    const saved = await platform.graphql<{ addToWishlist: { products: { id: string; name: string }[] } }>(
      `mutation ($id: ID!) { addToWishlist(productId: $id) { products { id name } } }`,
      { id: product.id },
      customerToken,
    );
    expect(saved.data!.addToWishlist.products).toContainEqual({ id: product.id, name: expect.stringContaining('Cart Mug') });
    const after = await platform.graphql<{ removeFromWishlist: { products: { id: string }[] } }>(
      `mutation ($id: ID!) { removeFromWishlist(productId: $id) { products { id } } }`,
      { id: product.id },
      customerToken,
    );
    expect(after.data!.removeFromWishlist.products).not.toContainEqual({ id: product.id });
  });

  it('lists abandoned carts to admins only', async () => {
    const query = `{ abandonedCarts(olderThanHours: 1) { items { id } pageInfo { total } } }`;
    expect((await platform.graphql(query, {}, adminToken)).errors).toBeUndefined();
    expect(code(await platform.graphql(query, {}, customerToken))).toBe('FORBIDDEN');
  });

  it('empties the cart once orders places an order from it (orders.order.placed.v1)', async () => {
    const product = await createProduct(1200, 5);
    const cart = await addWhenKnown({ variantId: product.variantId, quantity: 2 });
    const input = {
      cartId: cart.id,
      email: 'guest-cart@example.com',
      shippingAddress: { fullName: 'Ada Guest', line1: '1 Cart Street', city: 'Springfield', postalCode: '12345', country: 'US' },
      shippingMethod: 'STANDARD',
      payment: { provider: 'TEST', token: 'tok_visa' },
    };
    const place = `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { id status } }`;
    const deadline = Date.now() + 60_000;
    let placed = await platform.graphql<{ placeOrder: { id: string } }>(place, { input });
    // Orders learns the cart from cart.cart.updated.v1; until then it does not know the cart.
    while (placed.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      placed = await platform.graphql<{ placeOrder: { id: string } }>(place, { input });
    }
    expect(placed.errors, JSON.stringify(placed.errors)).toBeUndefined();
    let itemCount = 2;
    while (itemCount !== 0 && Date.now() < deadline + 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      itemCount = (await platform.graphql<{ cart: Cart }>(CART, { id: cart.id })).data!.cart.itemCount;
    }
    expect(itemCount).toBe(0);
  }, 120_000);

  it('expires a guest cart after its lifetime', async () => {
    const product = await createProduct(100, 5);
    const cart = await addWhenKnown({ variantId: product.variantId, quantity: 1 });
    expect((await platform.graphql<{ cart: Cart }>(CART, { id: cart.id })).data!.cart.itemCount).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, (GUEST_TTL + 1) * 1_000));
    expect(code(await platform.graphql(CART, { id: cart.id }))).toBe('NOT_FOUND');
  }, 90_000);
});
