import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productCreated, productUpdated, type ProductCreated } from './catalog-fixtures.ts';
import { ADD, CART, REMOVE, UPDATE, errorsOf, eventually, startCart, type CartHarness } from './harness.ts';

/** Lines against the catalog and inventory projections the cart keeps from events. */
let h: CartHarness;

async function publishProduct(product: ProductCreated) {
  await h.publish('catalog.product.created.v1', product);
  await eventually(async () => (await h.prisma.variantStock.count({ where: { variantId: { in: product.variants.map((v) => v.id) } } })) === product.variants.length, 'product projection');
}

const outboxOf = async (cartId: string) =>
  (await h.prisma.outboxEvent.findMany({ orderBy: { createdAt: 'asc' } }))
    .map((row) => row.envelope as { data: { cartId: string; version: number; lines: { variantId: string; quantity: number }[] } })
    .filter((envelope) => envelope.data.cartId === cartId)
    .map((envelope) => envelope.data);

beforeAll(async () => {
  h = await startCart();
});
afterAll(async () => {
  await h?.stop();
});

describe('guest carts', () => {
  it('creates a guest cart on the first addToCart and adds quantities up, priced at the current price', async () => {
    const product = productCreated([{ price: 1250, initialStock: 10 }, { price: 300, initialStock: 5 }]);
    await publishProduct(product);
    const [a, b] = product.variants;
    const first = await h.gql(ADD, { variantId: a!.id, quantity: 2 });
    expect(first.errors).toBeUndefined();
    const cartId = first.data!.addToCart.id as string;
    await h.gql(ADD, { cartId, variantId: a!.id, quantity: 1 });
    const third = await h.gql(ADD, { cartId, variantId: b!.id, quantity: 4 });
    expect(third.data!.addToCart).toMatchObject({
      id: cartId,
      itemCount: 7,
      subtotal: { amount: 3 * 1250 + 4 * 300, currency: 'USD' },
      customer: null,
      lines: [
        { quantity: 3, variant: { id: a!.id }, unitPrice: { amount: 1250, currency: 'USD' }, lineTotal: { amount: 3750, currency: 'USD' } },
        { quantity: 4, variant: { id: b!.id }, unitPrice: { amount: 300, currency: 'USD' }, lineTotal: { amount: 1200, currency: 'USD' } },
      ],
    });
    const read = await h.gql(CART, { id: cartId });
    expect(read.data!.cart).toEqual(third.data!.addToCart);
    const events = await outboxOf(cartId);
    expect(events.map((event) => event.version)).toEqual([1, 2, 3]);
    expect(events[2]!.lines).toEqual([
      { variantId: a!.id, productId: product.id, quantity: 3 },
      { variantId: b!.id, productId: product.id, quantity: 4 },
    ]);
  });

  it('updates a line, removes it with 0 and with removeFromCart, publishing each change', async () => {
    const product = productCreated([{ price: 100, initialStock: 9 }, { price: 200, initialStock: 9 }]);
    await publishProduct(product);
    const [a, b] = product.variants;
    const cartId = (await h.gql(ADD, { variantId: a!.id, quantity: 1 })).data!.addToCart.id;
    await h.gql(ADD, { cartId, variantId: b!.id, quantity: 1 });
    const updated = await h.gql(UPDATE, { cartId, variantId: a!.id, quantity: 5 });
    expect(updated.data!.updateCartLine.lines.map((line: { quantity: number }) => line.quantity)).toEqual([5, 1]);
    const zero = await h.gql(UPDATE, { cartId, variantId: a!.id, quantity: 0 });
    expect(zero.data!.updateCartLine.lines).toHaveLength(1);
    const removed = await h.gql(REMOVE, { cartId, variantId: b!.id });
    expect(removed.data!.removeFromCart).toMatchObject({ itemCount: 0, lines: [], subtotal: { amount: 0, currency: 'USD' } });
    const again = await h.gql(REMOVE, { cartId, variantId: b!.id });
    expect(again.errors).toBeUndefined();
    expect((await outboxOf(cartId)).map((event) => [event.version, event.lines.length])).toEqual([[1, 1], [2, 2], [3, 2], [4, 1], [5, 0]]);
  });

  it('refuses bad lines with stable codes and changes nothing', async () => {
    const product = productCreated([{ price: 500, initialStock: 3 }]);
    await publishProduct(product);
    const variantId = product.variants[0]!.id;
    const cartId = (await h.gql(ADD, { variantId, quantity: 1 })).data!.addToCart.id;
    const before = await h.prisma.cart.findUniqueOrThrow({ where: { id: cartId } });
    const cases: [Record<string, unknown>, string][] = [
      [{ cartId, variantId: crypto.randomUUID(), quantity: 1 }, 'NOT_FOUND'],
      [{ cartId, variantId: 'not-a-uuid', quantity: 1 }, 'NOT_FOUND'],
      [{ cartId, variantId, quantity: 3 }, 'OUT_OF_STOCK'],
      [{ cartId, variantId, quantity: 0 }, 'BAD_USER_INPUT'],
      [{ cartId, variantId, quantity: -2 }, 'BAD_USER_INPUT'],
      [{ cartId, variantId, quantity: 1_000_000 }, 'BAD_USER_INPUT'],
      [{ cartId: crypto.randomUUID(), variantId, quantity: 1 }, 'NOT_FOUND'],
    ];
    for (const [variables, code] of cases) expect(errorsOf(await h.gql(ADD, variables))[0]?.code, JSON.stringify(variables)).toBe(code);
    expect(errorsOf(await h.gql(UPDATE, { cartId, variantId, quantity: 4 }))).toEqual([{ code: 'OUT_OF_STOCK', field: 'quantity' }]);
    expect(errorsOf(await h.gql(UPDATE, { variantId, quantity: 1 }))).toEqual([{ code: 'BAD_USER_INPUT', field: 'cartId' }]);
    expect(errorsOf(await h.gql(UPDATE, { cartId, variantId: crypto.randomUUID(), quantity: 2 }))[0]?.code).toBe('NOT_FOUND');
    const after = await h.prisma.cart.findUniqueOrThrow({ where: { id: cartId }, include: { lines: true } });
    expect(after.version).toBe(before.version);
    expect(after.lines.map((line) => line.quantity)).toEqual([1]);
  });

  it('answers NOT_FOUND for a variant whose product became inactive or was deleted', async () => {
    const product = productCreated([{ price: 700, initialStock: 5 }]);
    await publishProduct(product);
    const variantId = product.variants[0]!.id;
    await h.publish('catalog.product.updated.v1', productUpdated(product, { active: false }));
    await eventually(async () => (await h.prisma.catalogProduct.findUnique({ where: { id: product.id } }))?.active === false, 'inactive');
    expect(errorsOf(await h.gql(ADD, { variantId, quantity: 1 }))).toEqual([{ code: 'NOT_FOUND' }]);
    const other = productCreated([{ price: 700, initialStock: 5 }]);
    await publishProduct(other);
    await h.publish('catalog.product.deleted.v1', productUpdated(other));
    await eventually(async () => (await h.prisma.catalogProduct.findUnique({ where: { id: other.id } }))?.deleted, 'deleted');
    expect(errorsOf(await h.gql(ADD, { variantId: other.variants[0]!.id, quantity: 1 }))).toEqual([{ code: 'NOT_FOUND' }]);
  });
});

describe('projections', () => {
  it('shows a catalog price change in unitPrice at once and ignores a stale product event', async () => {
    const product = productCreated([{ price: 1000, initialStock: 5 }]);
    await publishProduct(product);
    const variantId = product.variants[0]!.id;
    const cartId = (await h.gql(ADD, { variantId, quantity: 2 })).data!.addToCart.id;
    const repriced = productUpdated(product, { variants: [{ ...productUpdated(product).variants[0]!, price: 800 }] });
    await h.publish('catalog.product.updated.v1', repriced);
    await eventually(async () => (await h.prisma.catalogVariant.findUnique({ where: { id: variantId } }))?.price === 800, 'new price');
    const stale = productUpdated(product, { version: 1, variants: [{ ...repriced.variants[0]!, price: 5 }] });
    const staleId = await h.publish('catalog.product.updated.v1', stale);
    await eventually(async () => (await h.prisma.inboxEvent.count({ where: { eventId: staleId } })) === 1, 'stale event handled');
    const cart = (await h.gql(CART, { id: cartId })).data!.cart;
    expect(cart.lines[0].unitPrice).toEqual({ amount: 800, currency: 'USD' });
    expect(cart.subtotal).toEqual({ amount: 1600, currency: 'USD' });
  });

  it('counts inventory stock over the initial stock, ignoring older sequences', async () => {
    const product = productCreated([{ price: 100, initialStock: 1 }]);
    await publishProduct(product);
    const variantId = product.variants[0]!.id;
    expect(errorsOf(await h.gql(ADD, { variantId, quantity: 2 }))[0]?.code).toBe('OUT_OF_STOCK');
    const stock = (available: number, sequence: number) => ({ variantId, productId: product.id, onHand: available, reserved: 0, available, lowStock: false, reason: 'ADJUSTMENT', sequence });
    await h.publish('inventory.stock.changed.v1', stock(6, 2));
    await eventually(async () => (await h.prisma.variantStock.findUnique({ where: { variantId } }))?.available === 6, 'stock 6');
    const staleId = await h.publish('inventory.stock.changed.v1', stock(0, 1));
    await eventually(async () => (await h.prisma.inboxEvent.count({ where: { eventId: staleId } })) === 1, 'stale stock handled');
    const added = await h.gql(ADD, { variantId, quantity: 6 });
    expect(added.errors).toBeUndefined();
    expect(errorsOf(await h.gql(ADD, { cartId: added.data!.addToCart.id, variantId, quantity: 1 }))[0]?.code).toBe('OUT_OF_STOCK');
  });
});
