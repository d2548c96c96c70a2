import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrders, viewerWith, waitFor, type OrdersHarness } from './harness.ts';
import { placeOrder, seedCart, seedProduct, type SeededProduct } from './fixtures.ts';
import { ownNats, skipWithoutNatsServer, startResponder, type OwnNats, type Responder } from './nats-server.ts';

/**
 * The saga against a nats-server this test owns, killed with SIGKILL at several points and
 * restarted. Inventory, payments and shipping are played by a responder on the same bus.
 */
let nats: OwnNats;
let h: OrdersHarness;
let responder: Responder;
let product: SeededProduct;

describe.skipIf(skipWithoutNatsServer)('the saga through nats-server SIGKILLs', () => {
  beforeAll(async () => {
    nats = await ownNats();
    h = await startOrders({}, nats.url);
    responder = await startResponder(h.bus);
    product = await seedProduct(h, { prices: [700] });
  }, 120_000);

  afterAll(async () => {
    await h?.stop().catch(() => undefined);
    await nats?.cleanup();
  });

  it('completes or compensates every saga, charging nobody twice', async () => {
    // Carts first: cart events need the broker, placeOrder does not (only the outbox).
    const carts: { customer: ReturnType<typeof viewerWith>; cartId: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const customer = viewerWith('CUSTOMER');
      carts.push({ customer, cartId: await seedCart(h, customer.userId, [{ variantId: product.variantIds[0]!, productId: product.productId, quantity: 1 }]) });
    }
    const place = async (token: string) => {
      const { customer, cartId } = carts.shift()!;
      return { token, order: await placeOrder(h, customer, cartId, { payment: { provider: 'TEST', token } }) };
    };
    const orders = [await place('tok_visa'), await place('tok_chargeDeclined'), await place('tok_visa')];
    await nats.kill(); // point 1: requests committed, relay publishing
    orders.push(await place('tok_visa')); // placed while the broker is down: only the outbox has it
    await nats.start();
    await waitFor(async () => (await h.prisma.order.count({ where: { status: { in: ['STOCK_RESERVED', 'PAID', 'READY_TO_SHIP'] } } })) > 0, 'some progress', 60_000);
    await nats.kill(); // point 2: mid-saga, answers in flight
    await new Promise((resolve) => setTimeout(resolve, 500));
    await nats.start();
    orders.push(await place('tok_visa'), await place('tok_chargeDeclined'));
    await waitFor(async () => (await h.prisma.order.count({ where: { status: { in: ['PAID', 'READY_TO_SHIP'] } } })) > 0, 'payments', 60_000);
    await nats.kill(); // point 3: around payment and shipment
    await nats.start();
    const ids = orders.map((o) => o.order.id);
    await waitFor(async () => (await h.prisma.order.count({ where: { id: { in: ids }, status: { in: ['READY_TO_SHIP', 'FAILED'] } } })) === ids.length, 'every saga to finish', 120_000);
    for (const { token, order } of orders) {
      const row = await h.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(row.status, order.id).toBe(token === 'tok_visa' ? 'READY_TO_SHIP' : 'FAILED');
      expect(responder.charges.get(order.id)?.size ?? 0, `payment requests of ${order.id}`).toBe(1);
      const history = await h.prisma.orderHistoryEntry.findMany({ where: { orderId: order.id } });
      expect(new Set(history.map((e) => e.status)).size).toBe(history.length); // no step applied twice
    }
  }, 300_000);
});
