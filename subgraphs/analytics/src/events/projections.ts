import type { EventOf } from '@drobble/schema/events';
import type { Tx } from '../infra/prisma.ts';

/**
 * Each event folded into the analytics projections, order-tolerant: any of placed / paid /
 * status_changed may create the order row; a status only replaces an older one; stock figures only
 * replace older figures. Idempotency comes from the inbox (handleOnce) around these.
 */

type Line = { variantId: string; productId: string; quantity: number; unitPrice: number };

async function ensureOrder(tx: Tx, order: { orderId: string; customerId: string | null; currency: string }) {
  await tx.salesOrder.createMany({ data: [order], skipDuplicates: true });
}

async function addLines(tx: Tx, orderId: string, lines: readonly Line[]) {
  await tx.salesOrderLine.createMany({
    data: lines.map((line, position) => ({ orderId, position, variantId: line.variantId, productId: line.productId, quantity: line.quantity, unitPrice: line.unitPrice })),
    skipDuplicates: true,
  });
}

export async function onOrderPlaced(tx: Tx, event: EventOf<'orders.order.placed.v1'>) {
  const { orderId, customerId, currency, total, placedAt, lines } = event.data;
  await ensureOrder(tx, { orderId, customerId, currency });
  await tx.salesOrder.update({ where: { orderId }, data: { total, placedAt: new Date(placedAt) } });
  await addLines(tx, orderId, lines);
}

export async function onOrderPaid(tx: Tx, event: EventOf<'orders.order.paid.v1'>) {
  const { orderId, customerId, currency, total, paidAt, lines } = event.data;
  await ensureOrder(tx, { orderId, customerId, currency });
  await tx.salesOrder.update({ where: { orderId }, data: { total, paidAt: new Date(paidAt) } });
  await addLines(tx, orderId, lines);
}

export async function onOrderStatusChanged(tx: Tx, event: EventOf<'orders.order.status_changed.v1'>) {
  const { orderId, customerId, currency, to, at } = event.data;
  const statusAt = new Date(at);
  await ensureOrder(tx, { orderId, customerId, currency });
  await tx.salesOrder.updateMany({
    where: { orderId, OR: [{ statusAt: null }, { statusAt: { lte: statusAt } }] },
    data: { status: to, statusAt },
  });
}

export async function onPaymentRefunded(tx: Tx, event: EventOf<'payments.payment.refunded.v1'>) {
  const { refundId, orderId, currency, refunded } = event.data;
  await tx.salesRefund.createMany({ data: [{ refundId, orderId, currency, amount: refunded, refundedAt: new Date(event.occurredAt) }], skipDuplicates: true });
}

/** Only customer registrations count as new customers (staff accounts are registered too). */
export async function onUserRegistered(tx: Tx, event: EventOf<'identity.user.registered.v1'>) {
  if (!event.data.roles.includes('CUSTOMER')) return;
  await tx.customer.createMany({ data: [{ userId: event.data.userId, registeredAt: new Date(event.occurredAt) }], skipDuplicates: true });
}

export async function onStockChanged(tx: Tx, event: EventOf<'inventory.stock.changed.v1'>) {
  const { variantId, productId, available, lowStock } = event.data;
  const asOf = new Date(event.occurredAt);
  const figures = { productId, available, lowStock, asOf };
  const { count } = await tx.stockLevel.createMany({ data: [{ variantId, ...figures }], skipDuplicates: true });
  if (count === 0) await tx.stockLevel.updateMany({ where: { variantId, asOf: { lte: asOf } }, data: figures });
}
