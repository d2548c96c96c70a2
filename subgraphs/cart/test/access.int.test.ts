import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productCreated, type ProductCreated } from './catalog-fixtures.ts';
import { ADD, CART, CART_FIELDS, MERGE, UPDATE, errorsOf, eventually, startCart, viewerWith, type CartHarness } from './harness.ts';

/** Who may see and change which cart; merging; wishlists; abandoned carts for staff. */
let h: CartHarness;

async function publishProduct(product: ProductCreated) {
  await h.publish('catalog.product.created.v1', product);
  await eventually(async () => (await h.prisma.variantStock.count({ where: { variantId: { in: product.variants.map((v) => v.id) } } })) === product.variants.length, 'product projection');
}

const WISHLIST = `{ wishlist { products { id } } }`;
const ADD_WISH = `mutation ($productId: ID!) { addToWishlist(productId: $productId) { products { id } } }`;
const REMOVE_WISH = `mutation ($productId: ID!) { removeFromWishlist(productId: $productId) { products { id } } }`;
const ABANDONED = `query ($hours: Int!, $page: Int, $pageSize: Int) { abandonedCarts(olderThanHours: $hours, page: $page, pageSize: $pageSize) { items { ${CART_FIELDS} } pageInfo { page pageSize total } } }`;

beforeAll(async () => {
  h = await startCart();
});
afterAll(async () => {
  await h?.stop();
});

describe('signed-in carts', () => {
  it('keeps one cart per user, used without an id, and hides it from everybody else', async () => {
    const product = productCreated([{ price: 990, initialStock: 20 }]);
    await publishProduct(product);
    const variantId = product.variants[0]!.id;
    const alice = viewerWith('CUSTOMER');
    const bob = viewerWith('CUSTOMER');
    expect((await h.gql(CART, {}, alice)).data!.cart).toBeNull();
    const first = (await h.gql(ADD, { variantId, quantity: 1 }, alice)).data!.addToCart;
    const second = (await h.gql(ADD, { variantId, quantity: 2 }, alice)).data!.addToCart;
    expect(second).toMatchObject({ id: first.id, itemCount: 3, customer: { id: alice.userId } });
    expect((await h.gql(CART, {}, alice)).data!.cart.id).toBe(first.id);
    expect(errorsOf(await h.gql(CART, { id: first.id }, bob))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(errorsOf(await h.gql(CART, { id: first.id }))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(errorsOf(await h.gql(ADD, { cartId: first.id, variantId, quantity: 1 }, bob))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(errorsOf(await h.gql(UPDATE, { cartId: first.id, variantId, quantity: 0 }))).toEqual([{ code: 'NOT_FOUND' }]);
    expect((await h.gql(CART, { id: first.id }, viewerWith('SUPPORT'))).data!.cart.itemCount).toBe(3);
    expect((await h.prisma.cartLine.findFirstOrThrow({ where: { cartId: first.id } })).quantity).toBe(3);
  });

  it('creates exactly one cart when a user adds from two tabs at once', async () => {
    const product = productCreated([{ price: 100, initialStock: 50 }]);
    await publishProduct(product);
    const user = viewerWith('CUSTOMER');
    const results = await Promise.all([1, 2, 3, 4].map(() => h.gql(ADD, { variantId: product.variants[0]!.id, quantity: 1 }, user)));
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(new Set(results.map((result) => result.data!.addToCart.id)).size).toBe(1);
    expect((await h.gql(CART, {}, user)).data!.cart.itemCount).toBe(4);
  });
});

describe('mergeGuestCart', () => {
  it('adds quantities up capped by stock, empties the guest cart and is idempotent', async () => {
    const product = productCreated([{ price: 100, initialStock: 5 }, { price: 200, initialStock: 10 }, { price: 300, initialStock: 4 }]);
    await publishProduct(product);
    const [a, b, c] = product.variants;
    const user = viewerWith('CUSTOMER');
    await h.gql(ADD, { variantId: a!.id, quantity: 3 }, user);
    await h.gql(ADD, { variantId: b!.id, quantity: 1 }, user);
    const guestId = (await h.gql(ADD, { variantId: a!.id, quantity: 4 })).data!.addToCart.id;
    await h.gql(ADD, { cartId: guestId, variantId: c!.id, quantity: 2 });
    expect(errorsOf(await h.gql(MERGE, { guestCartId: guestId }))).toEqual([{ code: 'UNAUTHENTICATED' }]);

    const merged = await h.gql(MERGE, { guestCartId: guestId }, user);
    expect(merged.errors).toBeUndefined();
    const quantities = (cart: { lines: { variant: { id: string }; quantity: number }[] }) => cart.lines.map((line) => [line.variant.id, line.quantity]);
    expect(quantities(merged.data!.mergeGuestCart)).toEqual([[a!.id, 5], [b!.id, 1], [c!.id, 2]]);
    expect(errorsOf(await h.gql(CART, { id: guestId }))).toEqual([{ code: 'NOT_FOUND' }]);
    expect(errorsOf(await h.gql(ADD, { cartId: guestId, variantId: b!.id, quantity: 1 }))).toEqual([{ code: 'NOT_FOUND' }]);

    const again = await h.gql(MERGE, { guestCartId: guestId }, user);
    expect(quantities(again.data!.mergeGuestCart)).toEqual(quantities(merged.data!.mergeGuestCart));
    expect(errorsOf(await h.gql(MERGE, { guestCartId: guestId }, viewerWith('CUSTOMER')))).toEqual([{ code: 'NOT_FOUND' }]);
    const userCartId = merged.data!.mergeGuestCart.id;
    const events = (await h.prisma.outboxEvent.findMany({ orderBy: { createdAt: 'asc' } })).map((row) => (row.envelope as { data: { cartId: string; version: number; lines: unknown[] } }).data);
    expect(events.filter((event) => event.cartId === guestId).map((event) => [event.version, event.lines.length])).toEqual([[1, 1], [2, 2], [3, 0]]);
    expect(events.filter((event) => event.cartId === userCartId).map((event) => event.version)).toEqual([1, 2, 3]);
  });

  it('refuses an unknown id and a user cart', async () => {
    const user = viewerWith('CUSTOMER');
    expect(errorsOf(await h.gql(MERGE, { guestCartId: crypto.randomUUID() }, user))).toEqual([{ code: 'NOT_FOUND' }]);
    const product = productCreated([{ price: 100, initialStock: 5 }]);
    await publishProduct(product);
    const other = viewerWith('CUSTOMER');
    const otherCart = (await h.gql(ADD, { variantId: product.variants[0]!.id, quantity: 1 }, other)).data!.addToCart.id;
    expect(errorsOf(await h.gql(MERGE, { guestCartId: otherCart }, user))).toEqual([{ code: 'NOT_FOUND' }]);
  });
});

describe('wishlist', () => {
  it('is for signed-in users, idempotent, and refuses unknown products', async () => {
    const product = productCreated([{ price: 100, initialStock: 1 }]);
    const second = productCreated([{ price: 100, initialStock: 1 }]);
    await publishProduct(product);
    await publishProduct(second);
    const user = viewerWith('CUSTOMER');
    expect(errorsOf(await h.gql(WISHLIST))).toEqual([{ code: 'UNAUTHENTICATED' }]);
    expect(errorsOf(await h.gql(ADD_WISH, { productId: product.id }))).toEqual([{ code: 'UNAUTHENTICATED' }]);
    expect((await h.gql(WISHLIST, {}, user)).data!.wishlist.products).toEqual([]);
    await h.gql(ADD_WISH, { productId: product.id }, user);
    await h.gql(ADD_WISH, { productId: product.id }, user);
    const both = await h.gql(ADD_WISH, { productId: second.id }, user);
    expect(both.data!.addToWishlist.products).toEqual([{ id: second.id }, { id: product.id }]);
    expect(errorsOf(await h.gql(ADD_WISH, { productId: crypto.randomUUID() }, user))).toEqual([{ code: 'NOT_FOUND' }]);
    expect((await h.gql(REMOVE_WISH, { productId: second.id }, user)).data!.removeFromWishlist.products).toEqual([{ id: product.id }]);
    expect((await h.gql(REMOVE_WISH, { productId: second.id }, user)).errors).toBeUndefined();
    expect((await h.gql(WISHLIST, {}, viewerWith('CUSTOMER'))).data!.wishlist.products).toEqual([]);
  });
});

describe('abandonedCarts', () => {
  it('lists carts with lines unchanged for that long, to ADMIN and SUPPORT only, paginated', async () => {
    const product = productCreated([{ price: 100, initialStock: 50 }]);
    await publishProduct(product);
    const variantId = product.variants[0]!.id;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await h.gql(ADD, { variantId, quantity: 1 }, viewerWith('CUSTOMER'))).data!.addToCart.id);
    const fresh = (await h.gql(ADD, { variantId, quantity: 1 })).data!.addToCart.id;
    for (const [index, id] of ids.entries()) {
      await h.prisma.cart.update({ where: { id }, data: { updatedAt: new Date(Date.now() - (5_000 + index) * 3_600_000) } });
    }
    const page1 = await h.gql(ABANDONED, { hours: 4_000, pageSize: 2 }, viewerWith('ADMIN'));
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.abandonedCarts.pageInfo).toEqual({ page: 1, pageSize: 2, total: 3 });
    expect(page1.data!.abandonedCarts.items.map((cart: { id: string }) => cart.id)).toEqual([ids[2], ids[1]]);
    const page2 = await h.gql(ABANDONED, { hours: 4_000, page: 2, pageSize: 2 }, viewerWith('SUPPORT'));
    expect(page2.data!.abandonedCarts.items.map((cart: { id: string }) => cart.id)).toEqual([ids[0]]);
    const all = await h.gql(ABANDONED, { hours: 1 }, viewerWith('ADMIN'));
    expect(all.data!.abandonedCarts.items.map((cart: { id: string }) => cart.id)).not.toContain(fresh);
    expect(errorsOf(await h.gql(ABANDONED, { hours: 1 }, viewerWith('CUSTOMER')))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await h.gql(ABANDONED, { hours: 1 }))).toEqual([{ code: 'UNAUTHENTICATED' }]);
    expect(errorsOf(await h.gql(ABANDONED, { hours: 0 }, viewerWith('ADMIN')))).toEqual([{ code: 'BAD_USER_INPUT', field: 'olderThanHours' }]);
    expect(errorsOf(await h.gql(ABANDONED, { hours: 1, pageSize: 1000 }, viewerWith('ADMIN')))).toEqual([{ code: 'BAD_USER_INPUT', field: 'pageSize' }]);
  });
});
