import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, anonymous, errorsOf, startOrders, support, viewerWith, type OrdersHarness } from './harness.ts';
import { changePrice, ORDER_FIELDS, PLACE_ORDER, placeOrder, placeOrderInput, requests, seedCart, seedProduct, waitRequest } from './fixtures.ts';

let h: OrdersHarness;
beforeAll(async () => {
  h = await startOrders();
}, 120_000);
afterAll(async () => {
  await h?.stop();
});

describe('placeOrder', () => {
  it('snapshots names and prices, computes tax by country and shipping by method, and starts the saga', async () => {
    const customer = viewerWith('CUSTOMER');
    const product = await seedProduct(h, { prices: [1_250, 990], name: 'Enamel Mug' });
    const cartId = await seedCart(h, customer.userId, [
      { variantId: product.variantIds[0]!, productId: product.productId, quantity: 2 },
      { variantId: product.variantIds[1]!, productId: product.productId, quantity: 1 },
    ]);
    const order = await placeOrder(h, customer, cartId, { shippingMethod: 'EXPRESS' });
    expect(order.number).toMatch(/^ORD-\d{8}-[0-9A-Z]{5}$/);
    expect(order.number.slice(4, 12)).toBe(new Date().toISOString().slice(0, 10).replaceAll('-', ''));
    expect(order.status).toBe('PENDING');
    expect(order.customer).toEqual({ id: customer.userId });
    expect(order.lines.map((l: any) => [l.productName, l.quantity, l.unitPrice.amount, l.total.amount])).toEqual([['Enamel Mug', 2, 1_250, 2_500], ['Enamel Mug', 1, 990, 990]]);
    expect(order.subtotal).toEqual({ amount: 3_490, currency: 'USD' });
    expect(order.tax.amount).toBe(663); // DE 19 % of 3490 = 663.1
    expect(order.shippingCost.amount).toBe(1_499);
    expect(order.total.amount).toBe(3_490 + 663 + 1_499);
    expect(order.history).toEqual([{ status: 'PENDING', note: null }]);
    const [reservation] = await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
    expect(reservation!.data.lines).toEqual([{ variantId: product.variantIds[0], quantity: 2 }, { variantId: product.variantIds[1], quantity: 1 }]);
    const placed = await waitRequest(h, 'orders.order.placed.v1', order.id);
    expect(reservation!.correlationId).toBe(placed[0]!.correlationId);
  });

  it('charges the current price when it changed between add-to-cart and checkout', async () => {
    const product = await seedProduct(h, { prices: [1_000] });
    const cartId = await seedCart(h, null, [{ variantId: product.variantIds[0]!, productId: product.productId, quantity: 1 }]);
    await changePrice(h, product, 1_500);
    const order = await placeOrder(h, anonymous, cartId);
    expect(order.lines[0].unitPrice.amount).toBe(1_500);
    await changePrice(h, product, 2_000);
    const again = await h.gql(`query ($id: ID!) { order(id: $id) { lines { unitPrice { amount } } } }`, { id: order.id }, admin);
    expect(again.data!.order.lines[0].unitPrice.amount).toBe(1_500); // the snapshot does not move
  });

  it('refuses bad input, empty and unknown carts, and other users\' carts, changing nothing', async () => {
    const before = await h.prisma.order.count();
    const product = await seedProduct(h);
    const owner = viewerWith('CUSTOMER');
    const cartId = await seedCart(h, owner.userId, [{ variantId: product.variantIds[0]!, productId: product.productId, quantity: 1 }]);
    const emptyCart = await seedCart(h, null, []);
    const guestCart = await seedCart(h, null, [{ variantId: product.variantIds[0]!, productId: product.productId, quantity: 1 }]);
    const cases: [Record<string, unknown>, any, object][] = [
      [placeOrderInput(emptyCart), anonymous, { code: 'BAD_USER_INPUT', field: 'cartId' }],
      [placeOrderInput(randomUUID()), anonymous, { code: 'NOT_FOUND' }],
      [placeOrderInput('not-a-uuid'), anonymous, { code: 'BAD_USER_INPUT', field: 'cartId' }],
      [placeOrderInput(cartId), viewerWith('CUSTOMER'), { code: 'FORBIDDEN' }],
      [placeOrderInput(guestCart, { email: null }), anonymous, { code: 'BAD_USER_INPUT', field: 'email' }],
      [placeOrderInput(guestCart, { email: 'nope' }), anonymous, { code: 'BAD_USER_INPUT', field: 'email' }],
      [placeOrderInput(guestCart, { shippingAddress: { fullName: 'A', line1: 'B', city: 'C', postalCode: '1', country: 'Germany' } }), anonymous, { code: 'BAD_USER_INPUT', field: 'shippingAddress.country' }],
    ];
    for (const [input, viewer, expected] of cases) {
      const response = await h.gql(PLACE_ORDER, { input }, viewer);
      expect(errorsOf(response), JSON.stringify(input)).toEqual([expected]);
    }
    expect(await h.prisma.order.count()).toBe(before);
  });

  it('returns the same order for the same idempotency key, even for concurrent retries', async () => {
    const customer = viewerWith('CUSTOMER');
    const product = await seedProduct(h);
    const cartId = await seedCart(h, customer.userId, [{ variantId: product.variantIds[0]!, productId: product.productId, quantity: 1 }]);
    const idempotencyKey = randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => h.gql(PLACE_ORDER, { input: placeOrderInput(cartId, { idempotencyKey }) }, customer)));
    const ids = new Set(results.map((r) => r.data?.placeOrder.id));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(ids.size).toBe(1);
    expect(await h.prisma.order.count({ where: { cartId } })).toBe(1);
    const [id] = [...ids] as string[];
    await waitRequest(h, 'orders.order.stock_reservation_requested.v1', id!);
    expect(requests(h, 'orders.order.placed.v1', id!)).toHaveLength(1);
    const other = await placeOrder(h, customer, cartId, { idempotencyKey: randomUUID() });
    expect(other.id).not.toBe(id);
  });
});

describe('reading orders', () => {
  const QUERY = `query ($id: ID!) { order(id: $id) { id notes } }`;

  it('shows an order to its owner, ADMIN and SUPPORT only; notes to staff only', async () => {
    const owner = viewerWith('CUSTOMER');
    const product = await seedProduct(h);
    const order = await placeOrder(h, owner, await seedCart(h, owner.userId, [{ variantId: product.variantIds[0]!, productId: product.productId, quantity: 1 }]));
    const note = await h.gql(`mutation ($id: ID!) { addOrderNote(id: $id, note: "called the customer") { notes } }`, { id: order.id }, support);
    expect(note.data!.addOrderNote.notes).toEqual(['called the customer']);
    expect(errorsOf(await h.gql(`mutation ($id: ID!) { addOrderNote(id: $id, note: "x") { id } }`, { id: order.id }, owner))).toEqual([{ code: 'FORBIDDEN' }]);
    expect((await h.gql(QUERY, { id: order.id }, owner)).data!.order).toEqual({ id: order.id, notes: [] });
    expect((await h.gql(QUERY, { id: order.id }, admin)).data!.order.notes).toEqual(['called the customer']);
    expect((await h.gql(QUERY, { id: order.id }, viewerWith('CUSTOMER'))).data!.order).toBeNull();
    expect((await h.gql(QUERY, { id: order.id }, anonymous)).data!.order).toBeNull();
    const mine = await h.gql(`{ myOrders { items { id } pageInfo { total } } }`, {}, owner);
    expect(mine.data!.myOrders).toEqual({ items: [{ id: order.id }], pageInfo: { total: 1 } });
    expect(errorsOf(await h.gql(`{ myOrders { pageInfo { total } } }`, {}, anonymous))).toEqual([{ code: 'UNAUTHENTICATED' }]);
    const entities = await h.gql(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { orders { items { id } } } } }`, { r: [{ __typename: 'User', id: owner.userId }] }, owner);
    expect(entities.data!._entities[0].orders.items).toEqual([{ id: order.id }]);
  });

  it('lists with filters for staff and exports escaped CSV for admins', async () => {
    const product = await seedProduct(h, { name: 'Mug, "Deluxe"' });
    const email = `csv-${randomUUID().slice(0, 8)}@example.com`;
    const order = await placeOrder(h, anonymous, await seedCart(h, null, [{ variantId: product.variantIds[0]!, productId: product.productId, quantity: 3 }]), { email });
    const listed = await h.gql(`query ($f: OrderFilter) { orders(filter: $f) { items { id email } pageInfo { total } } }`, { f: { search: email.slice(0, 12), status: 'PENDING' } }, support);
    expect(listed.data!.orders).toEqual({ items: [{ id: order.id, email }], pageInfo: { total: 1 } });
    expect(errorsOf(await h.gql(`{ orders { pageInfo { total } } }`, {}, viewerWith('CUSTOMER')))).toEqual([{ code: 'FORBIDDEN' }]);
    expect(errorsOf(await h.gql(`{ exportOrders }`, {}, support))).toEqual([{ code: 'FORBIDDEN' }]);
    const csv = await h.gql(`query ($f: OrderFilter) { exportOrders(filter: $f) }`, { f: { search: order.number } }, admin);
    const lines = (csv.data!.exportOrders as string).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^number,status,created_at,email,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${order.number},PENDING,`);
    expect(lines[1]).toContain(`,${email},`);
    expect(lines[1]).toContain(',3,');
    expect(errorsOf(await h.gql(`{ orders(filter: { status: PENDING }, pageSize: 500) { pageInfo { total } } }`, {}, admin))).toEqual([{ code: 'BAD_USER_INPUT', field: 'pageSize' }]);
  });

  it('uses the signed-in customer\'s email from identity when none is given', async () => {
    const customer = viewerWith('CUSTOMER');
    await h.publish('identity.user.registered.v1', { userId: customer.userId!, email: 'known@example.com', firstName: null, lastName: null, roles: ['CUSTOMER'] });
    await (await import('./harness.ts')).waitFor(async () => h.prisma.customerProjection.findUnique({ where: { userId: customer.userId! } }), 'customer projection');
    const product = await seedProduct(h);
    const order = await placeOrder(h, customer, await seedCart(h, customer.userId, [{ variantId: product.variantIds[0]!, productId: product.productId, quantity: 1 }]), { email: null });
    expect(order.email).toBe('known@example.com');
  });
});

export { ORDER_FIELDS };
