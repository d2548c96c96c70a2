import { randomUUID } from 'node:crypto';
import type { EventMeta } from '@drobble/schema/events';
import { assertTransition, type OrderStatus } from '../domain/order-status.ts';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import { orderInclude, statusOf, type OrderRecord } from '../infra/order-repository.ts';
import type { Tx } from '../infra/prisma.ts';

export interface StatusChange {
  to: OrderStatus;
  /** Why (FAILED / CANCELLED / REFUNDED): kept as failureReason and carried by the event. */
  reason?: string | null;
  /** Shown in the order's history. */
  note?: string | null;
}

/** The envelope facts of an order's saga event: always the order's correlation id. */
export const sagaMeta = (order: OrderRecord, causationId: string | null, actor: EventMeta['actor'] = null): EventMeta => ({
  correlationId: order.correlationId,
  causationId,
  actor,
});

export const orderFacts = (order: OrderRecord) => ({
  orderId: order.id,
  number: order.number,
  customerId: order.customerId,
  email: order.email,
  currency: order.currency,
});

/**
 * Moves an (already locked) order to `change.to` through the transition table (CONFLICT otherwise):
 * the status, a history entry and orders.order.status_changed.v1 commit in the caller's transaction.
 */
export async function changeStatus(tx: Tx, order: OrderRecord, change: StatusChange, meta: EventMeta): Promise<OrderRecord> {
  const from = statusOf(order);
  assertTransition(from, change.to);
  const at = new Date();
  const failureReason = change.to === 'FAILED' || change.to === 'CANCELLED' ? (change.reason ?? null) : order.failureReason;
  const updated = await tx.order.update({
    where: { id: order.id },
    data: {
      status: change.to,
      failureReason,
      history: { create: { id: randomUUID(), status: change.to, at, note: change.note ?? change.reason ?? null } },
    },
    include: orderInclude,
  });
  await recordEvent(
    tx,
    'orders.order.status_changed.v1',
    { ...orderFacts(order), from, to: change.to, reason: change.reason ?? null, total: order.total, at: at.toISOString() },
    meta,
  );
  return updated;
}

/** Where the saga waits next, and until when (null: no deadline). */
export async function setSagaStep(tx: Tx, orderId: string, step: string, deadlineAt: Date | null): Promise<void> {
  await tx.sagaState.upsert({ where: { orderId }, create: { orderId, step, deadlineAt }, update: { step, deadlineAt } });
}
