import type { PayloadOf } from '@drobble/schema/events';
import type { Tx } from '../infra/prisma.ts';

type Snapshot = PayloadOf<'catalog.product.updated.v1'>;

/**
 * catalog.product.*: which products exist (only a live product can be reviewed). The newest
 * version wins; a deletion is final for its version. Returns true when the row changed.
 */
export async function applyProduct(tx: Tx, snapshot: Snapshot, deleted: boolean, demo: boolean): Promise<boolean> {
  const existing = await tx.reviewableProduct.findUnique({ where: { id: snapshot.id } });
  if (existing && (existing.version > snapshot.version || (existing.version === snapshot.version && (!existing.live || !deleted)))) return false;
  const data = { name: snapshot.name, live: !deleted, version: snapshot.version };
  await tx.reviewableProduct.upsert({ where: { id: snapshot.id }, create: { id: snapshot.id, demo, ...data }, update: data });
  return true;
}

/**
 * orders.order.paid: the customer bought these products, so their reviews of them are verified
 * purchases (also a review written before this order, e.g. after an earlier purchase elsewhere).
 */
export async function applyOrderPaid(tx: Tx, order: PayloadOf<'orders.order.paid.v1'>): Promise<void> {
  const customerId = order.customerId;
  if (!customerId) return;
  const productIds = [...new Set(order.lines.map((line) => line.productId))];
  await tx.purchase.createMany({
    data: productIds.map((productId) => ({ customerId, productId, orderId: order.orderId, paidAt: new Date(order.paidAt) })),
    skipDuplicates: true,
  });
  await tx.review.updateMany({ where: { authorId: customerId, productId: { in: productIds }, verifiedPurchase: false }, data: { verifiedPurchase: true } });
}
