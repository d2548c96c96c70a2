import type { OrderStatus } from '../domain/order-status.ts';
import type { Db, Prisma, Tx } from './prisma.ts';

/** What an order is read with: lines in position order and history oldest first. */
export const orderInclude = {
  lines: { orderBy: { position: 'asc' } },
  history: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.OrderInclude;

export type OrderRecord = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

export const statusOf = (order: { status: string }) => order.status as OrderStatus;

export function findOrder(db: Db, id: string): Promise<OrderRecord | null> {
  return db.order.findUnique({ where: { id }, include: orderInclude });
}

/**
 * Locks the order's row until the transaction ends (an UPDATE takes a row lock), then reads it, so
 * a saga reaction and an admin mutation on the same order run one after the other. Null if absent.
 */
export async function lockOrder(tx: Tx, id: string): Promise<OrderRecord | null> {
  const { count } = await tx.order.updateMany({ where: { id }, data: { updatedAt: new Date() } });
  if (count === 0) return null;
  return findOrder(tx, id);
}
