import { randomUUID } from 'node:crypto';
import { badInput } from '@drobble/kit/errors';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import { orderNumber } from '../domain/order-number.ts';
import { computeTotals } from '../domain/totals.ts';
import { findOrder, orderInclude, type OrderRecord } from '../infra/order-repository.ts';
import { isUniqueViolation, TX_OPTIONS, type Tx } from '../infra/prisma.ts';
import { after } from '../saga/context.ts';
import { requestStockReservation } from '../saga/requests.ts';
import { orderFacts } from '../saga/status-change.ts';
import { awaitCartProjection } from './await-cart.ts';
import { actorOf, type Caller, type OrdersDeps } from './deps.ts';
import { createKeyedLock } from './keyed-lock.ts';
import { parsePlaceOrderInput, type PlaceOrderInput } from './place-order-input.ts';
import { priceCart } from './price-cart.ts';

const NUMBER_ATTEMPTS = 5;

/**
 * placeOrder: prices the cart from orders' projections (the snapshot), computes totals, and in one
 * transaction stores the order (PENDING), its saga state and the events that start the saga. With
 * an idempotency key, the same caller and key always get the one order, concurrent retries included.
 */
export async function placeOrder(deps: OrdersDeps, caller: Caller, raw: unknown): Promise<OrderRecord> {
  const input = parsePlaceOrderInput(raw);
  const email = await emailFor(deps, caller, input);
  const scope = input.idempotencyKey ? (caller.viewer.userId ?? `guest:${email.toLowerCase()}`) : null;
  if (!scope) return create(deps, caller, input, email, null);
  return withKey(`${scope}\u0000${input.idempotencyKey}`, async () => (await findByKey(deps, scope, input.idempotencyKey)) ?? create(deps, caller, input, email, scope));
}

const withKey = createKeyedLock();

async function create(deps: OrdersDeps, caller: Caller, input: PlaceOrderInput, email: string, scope: string | null): Promise<OrderRecord> {
  await awaitCartProjection(deps.prisma, input.cartId, input.cartVersion, deps.config.cartSyncWaitMs);
  for (let attempt = 1; ; attempt++) {
    try {
      const order = await deps.prisma.$transaction((tx) => createOrder(tx, deps, caller, input, email, scope), TX_OPTIONS);
      deps.eventsRecorded();
      return order;
    } catch (error) {
      if (scope && isUniqueViolation(error, 'idempotency')) return (await findByKey(deps, scope, input.idempotencyKey))!;
      if (!isUniqueViolation(error, 'number') || attempt >= NUMBER_ATTEMPTS) throw error;
    }
  }
}

async function emailFor(deps: OrdersDeps, caller: Caller, input: PlaceOrderInput): Promise<string> {
  if (input.email) return input.email;
  const userId = caller.viewer.userId;
  const known = userId ? await deps.prisma.customerProjection.findUnique({ where: { userId } }) : null;
  if (known) return known.email;
  throw badInput('email', userId ? 'email is required (we do not know your email yet)' : 'email is required for guest checkout');
}

async function findByKey(deps: OrdersDeps, scope: string | null, key: string | null | undefined): Promise<OrderRecord | null> {
  if (!scope || !key) return null;
  const order = await deps.prisma.order.findUnique({ where: { idempotencyScope_idempotencyKey: { idempotencyScope: scope, idempotencyKey: key } }, select: { id: true } });
  return order ? findOrder(deps.prisma, order.id) : null;
}

async function createOrder(tx: Tx, deps: OrdersDeps, caller: Caller, input: PlaceOrderInput, email: string, scope: string | null): Promise<OrderRecord> {
  const { lines, currency } = await priceCart(tx, input.cartId, caller.viewer);
  const totals = computeTotals(lines, input.shippingAddress.country, input.shippingMethod, deps.config);
  const id = randomUUID();
  const now = new Date();
  const order = await tx.order.create({
    data: {
      id,
      number: orderNumber(now),
      status: 'PENDING',
      customerId: caller.viewer.userId,
      email,
      cartId: input.cartId,
      currency,
      ...totals,
      shippingMethod: input.shippingMethod,
      shippingAddress: input.shippingAddress,
      billingAddress: input.billingAddress ?? undefined,
      paymentProvider: input.payment.provider,
      paymentToken: input.payment.token ?? null,
      correlationId: caller.correlationId,
      idempotencyScope: scope,
      idempotencyKey: scope ? input.idempotencyKey! : null,
      createdAt: now,
      lines: { create: lines.map(({ id: lineId, ...line }) => ({ id: lineId, ...line })) },
      history: { create: { id: randomUUID(), status: 'PENDING', at: now, note: null } },
      saga: { create: { step: 'RESERVATION', deadlineAt: after(deps.config.reservationTimeoutMs) } },
    },
    include: orderInclude,
  });
  const meta = { correlationId: caller.correlationId, actor: actorOf(caller.viewer) };
  const placed = await recordEvent(
    tx,
    'orders.order.placed.v1',
    {
      ...orderFacts(order),
      cartId: input.cartId,
      lines: lines.map(({ variantId, productId, sku, productName, quantity, unitPrice }) => ({ variantId, productId, sku, productName, quantity, unitPrice })),
      ...totals,
      shippingMethod: input.shippingMethod,
      shippingAddress: input.shippingAddress,
      placedAt: now.toISOString(),
    },
    meta,
  );
  const follow = { ...meta, causationId: placed.id };
  await recordEvent(tx, 'orders.order.status_changed.v1', { ...orderFacts(order), from: null, to: 'PENDING', reason: null, total: order.total, at: now.toISOString() }, follow);
  await requestStockReservation(tx, order, follow);
  return order;
}
