import { randomUUID } from 'node:crypto';
import type { PaymentStatus } from '../domain/payment-status.ts';
import { PAYMENTS_SCHEMA, type Prisma, type Tx } from './prisma.ts';

export const paymentInclude = { refunds: { orderBy: { createdAt: 'asc' } } } as const satisfies Prisma.PaymentInclude;
export type PaymentRow = Prisma.PaymentGetPayload<{ include: typeof paymentInclude }>;

/**
 * Locks the order's payment row for the rest of the transaction (SELECT ... FOR UPDATE), so
 * concurrent refunds and webhooks on one payment apply one after the other.
 */
export async function lockPayment(tx: Tx, where: { orderId: string } | { providerRef: string }): Promise<PaymentRow | null> {
  const rows =
    'orderId' in where
      ? await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "${PAYMENTS_SCHEMA}"."payment" WHERE order_id = $1::uuid FOR UPDATE`, where.orderId)
      : await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "${PAYMENTS_SCHEMA}"."payment" WHERE provider_ref = $1 FOR UPDATE`, where.providerRef);
  const id = rows[0]?.id;
  return id ? tx.payment.findUnique({ where: { id }, include: paymentInclude }) : null;
}

export interface LedgerEntry {
  kind: 'ATTEMPT' | 'STATUS' | 'REFUND';
  status?: PaymentStatus;
  amount?: number;
  note?: string | null;
  source?: string | null;
}

/** Appends one row to the payment's ledger (the table refuses updates and deletes). */
export async function appendLedger(tx: Tx, paymentId: string, entry: LedgerEntry): Promise<void> {
  await tx.paymentLedgerEntry.create({
    data: { id: randomUUID(), paymentId, kind: entry.kind, status: entry.status ?? null, amount: entry.amount ?? null, note: entry.note ?? null, source: entry.source ?? null },
  });
}

export interface StatusChange {
  status: PaymentStatus;
  at: Date;
  note?: string | null;
  source?: string | null;
  failure?: { reason: string; message: string | null } | null;
  providerRef?: string | null;
  clientSecret?: string | null;
}

/** Moves the payment to a new status and records the transition in the ledger. */
export async function changeStatus(tx: Tx, payment: PaymentRow, change: StatusChange): Promise<PaymentRow> {
  const updated = await tx.payment.update({
    where: { id: payment.id },
    data: {
      status: change.status,
      statusAt: change.at,
      failureReason: change.failure?.reason ?? null,
      failureMessage: change.failure?.message ?? null,
      ...(change.providerRef ? { providerRef: change.providerRef } : {}),
      ...(change.clientSecret ? { clientSecret: change.clientSecret } : {}),
    },
    include: paymentInclude,
  });
  await appendLedger(tx, payment.id, { kind: 'STATUS', status: change.status, note: change.note ?? change.failure?.reason ?? null, source: change.source });
  return updated;
}

export interface NewRefund {
  amount: number;
  totalRefunded: number;
  status: PaymentStatus;
  refundRequestId: string | null;
  providerRefundId: string;
  reason: string | null;
  source: string;
}

/** Records a refund: the refund row, the ledger rows, and the payment's new total and status. */
export async function recordRefund(tx: Tx, payment: PaymentRow, refund: NewRefund): Promise<{ payment: PaymentRow; refundId: string }> {
  const refundId = randomUUID();
  await tx.refund.create({
    data: { id: refundId, paymentId: payment.id, refundRequestId: refund.refundRequestId, providerRefundId: refund.providerRefundId, amount: refund.amount, reason: refund.reason },
  });
  await appendLedger(tx, payment.id, { kind: 'REFUND', amount: refund.amount, note: refund.reason, source: refund.source });
  const updated = await tx.payment.update({ where: { id: payment.id }, data: { refundedAmount: refund.totalRefunded, status: refund.status }, include: paymentInclude });
  if (refund.status !== payment.status) await appendLedger(tx, payment.id, { kind: 'STATUS', status: refund.status, source: refund.source });
  return { payment: updated, refundId };
}
