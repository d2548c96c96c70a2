import { randomUUID } from 'node:crypto';
import type { Viewer } from '@drobble/kit/auth/viewer';
import type { EventOf, Subject } from '@drobble/schema/events';
import { anonymous, waitFor, type GraphQLResponse, type OrdersHarness } from './harness.ts';

export interface SeededProduct {
  productId: string;
  variantIds: string[];
  version: number;
}

/** Publishes catalog.product.created.v1 and waits until orders' catalog projection has it. */
export async function seedProduct(h: OrdersHarness, options: { prices?: number[]; currency?: string; name?: string } = {}): Promise<SeededProduct> {
  const productId = randomUUID();
  const prices = options.prices ?? [1_000];
  const variants = prices.map((price, i) => ({ id: randomUUID(), sku: `SKU-${productId.slice(0, 8)}-${i}`, name: `V${i}`, price, options: [] }));
  const product = {
    id: productId, slug: `p-${productId}`, name: options.name ?? 'Test Mug', description: '', categoryId: null, active: true, featured: false,
    currency: options.currency ?? 'USD', attributes: [], images: [], variants, version: 1,
  };
  await h.publish('catalog.product.created.v1', product);
  await waitFor(async () => (await h.prisma.catalogVariant.count({ where: { productId } })) === variants.length, 'catalog projection');
  return { productId, variantIds: variants.map((v) => v.id), version: 1 };
}

/** Publishes a new price for every variant (catalog.product.updated.v1) and waits for the projection. */
export async function changePrice(h: OrdersHarness, seeded: SeededProduct, price: number): Promise<void> {
  seeded.version += 1;
  const variants = seeded.variantIds.map((id, i) => ({ id, sku: `SKU-${seeded.productId.slice(0, 8)}-${i}`, name: `V${i}`, price, options: [] }));
  await h.publish('catalog.product.updated.v1', {
    id: seeded.productId, slug: `p-${seeded.productId}`, name: 'Test Mug', description: '', categoryId: null, active: true, featured: false,
    currency: 'USD', attributes: [], images: [], variants, version: seeded.version,
  });
  await waitFor(async () => (await h.prisma.catalogVariant.findFirst({ where: { productId: seeded.productId } }))?.price === price, 'new price');
}

/** Publishes cart.cart.updated.v1 and waits until orders' cart projection has that version. */
export async function seedCart(h: OrdersHarness, userId: string | null, lines: { variantId: string; productId: string; quantity: number }[], cartId = randomUUID(), version = 1): Promise<string> {
  await h.publish('cart.cart.updated.v1', { cartId, userId, lines, version, updatedAt: new Date().toISOString() });
  await waitFor(async () => (await h.prisma.cartProjection.findUnique({ where: { cartId } }))?.version === version, 'cart projection');
  return cartId;
}

export const ADDRESS = { fullName: 'Ada Lovelace', line1: '1 Analytical St', city: 'Berlin', postalCode: '10115', country: 'DE' };

export const ORDER_FIELDS = `id number status failureReason email customer { id }
  lines { variant { id } sku productName quantity unitPrice { amount currency } total { amount currency } }
  subtotal { amount currency } tax { amount } shippingCost { amount } total { amount currency }
  shippingMethod shippingAddress { fullName country } history { status note } notes createdAt updatedAt`;

export const PLACE_ORDER = `mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { ${ORDER_FIELDS} } }`;

export interface PlacedOrder {
  id: string;
  number: string;
  status: string;
  total: { amount: number; currency: string };
  [key: string]: any;
}

export function placeOrderInput(cartId: string, extra: Record<string, unknown> = {}) {
  return { cartId, email: 'buyer@example.com', shippingAddress: ADDRESS, shippingMethod: 'STANDARD', payment: { provider: 'TEST', token: 'tok_visa' }, ...extra };
}

export async function placeOrder(h: OrdersHarness, viewer: Viewer, cartId: string, extra: Record<string, unknown> = {}): Promise<PlacedOrder> {
  const response: GraphQLResponse = await h.gql(PLACE_ORDER, { input: placeOrderInput(cartId, extra) }, viewer);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.placeOrder as PlacedOrder;
}

/** A product, a cart with `quantity` of its first variant, and an order placed from it. */
export async function freshOrder(h: OrdersHarness, viewer: Viewer = anonymous, quantity = 2): Promise<{ order: PlacedOrder; product: SeededProduct }> {
  const product = await seedProduct(h);
  const cartId = await seedCart(h, viewer.userId, [{ variantId: product.variantIds[0]!, productId: product.productId, quantity }]);
  return { order: await placeOrder(h, viewer, cartId), product };
}

export const statusOf = async (h: OrdersHarness, id: string) => (await h.prisma.order.findUniqueOrThrow({ where: { id } })).status;

export const waitStatus = (h: OrdersHarness, id: string, status: string, timeoutMs = 30_000) =>
  waitFor(async () => (await statusOf(h, id)) === status, `order ${id} to be ${status}`, timeoutMs);

/** The saga's requests (or facts) published for one order. */
export const requests = <S extends Subject>(h: OrdersHarness, subject: S, orderId: string) =>
  h.published.filter((event) => event.type === subject.replace(/\.v\d+$/, '') && (event.data as { orderId: string }).orderId === orderId) as EventOf<S>[];

export const waitRequest = <S extends Subject>(h: OrdersHarness, subject: S, orderId: string, count = 1) =>
  waitFor(() => requests(h, subject, orderId).length >= count && requests(h, subject, orderId), `${subject} for ${orderId}`);

/** Answers as inventory, payments and shipping would. */
export const answer = {
  reserved: (h: OrdersHarness, order: PlacedOrder, lines = [{ variantId: order.lines[0].variant.id, quantity: order.lines[0].quantity }]) =>
    h.publish('inventory.reservation.confirmed.v1', { orderId: order.id, lines, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
  outOfStock: (h: OrdersHarness, order: PlacedOrder) =>
    h.publish('inventory.reservation.rejected.v1', { orderId: order.id, reason: 'OUT_OF_STOCK', unavailable: [{ variantId: order.lines[0].variant.id, requested: order.lines[0].quantity, available: 0 }] }),
  released: (h: OrdersHarness, order: PlacedOrder) =>
    h.publish('inventory.reservation.released.v1', { orderId: order.id, reason: 'ORDER_CANCELLED', expired: false, restocked: false }),
  paid: (h: OrdersHarness, order: PlacedOrder, paymentId = randomUUID()) =>
    h.publish('payments.payment.succeeded.v1', { paymentId, orderId: order.id, provider: 'TEST', amount: order.total.amount, currency: order.total.currency }),
  requiresAction: (h: OrdersHarness, order: PlacedOrder) =>
    h.publish('payments.payment.requires_action.v1', { paymentId: randomUUID(), orderId: order.id, provider: 'TEST', amount: order.total.amount, currency: order.total.currency }),
  declined: (h: OrdersHarness, order: PlacedOrder) =>
    h.publish('payments.payment.failed.v1', { paymentId: randomUUID(), orderId: order.id, provider: 'TEST', amount: order.total.amount, currency: order.total.currency, reason: 'DECLINED', message: 'Your card was declined' }),
  shipped: (h: OrdersHarness, order: PlacedOrder) =>
    h.publish('shipping.shipment.prepared.v1', { shipmentId: randomUUID(), orderId: order.id, carrier: 'DHL', trackingNumber: 'TRK123', estimatedDelivery: null }),
  refunded: (h: OrdersHarness, order: PlacedOrder, refundRequestId: string, refunded: number, totalRefunded: number) =>
    h.publish('payments.payment.refunded.v1', {
      paymentId: randomUUID(), orderId: order.id, provider: 'TEST', amount: order.total.amount, currency: order.total.currency,
      refundId: randomUUID(), refundRequestId, refunded, totalRefunded, full: totalRefunded >= order.total.amount,
    }),
};

/** Drives an order through reservation, payment and shipment preparation. */
export async function driveToReadyToShip(h: OrdersHarness, order: PlacedOrder): Promise<void> {
  await waitRequest(h, 'orders.order.stock_reservation_requested.v1', order.id);
  await answer.reserved(h, order);
  await waitRequest(h, 'orders.order.payment_requested.v1', order.id);
  await answer.paid(h, order);
  await waitRequest(h, 'orders.order.shipment_requested.v1', order.id);
  await answer.shipped(h, order);
  await waitStatus(h, order.id, 'READY_TO_SHIP');
}
