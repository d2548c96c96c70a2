import type { EventMeta } from '@drobble/schema/events';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import type { PaymentRow } from '../infra/payment-repository.ts';
import type { Tx } from '../infra/prisma.ts';

const factsOf = (payment: PaymentRow) => ({
  paymentId: payment.id,
  orderId: payment.orderId,
  provider: payment.provider,
  amount: payment.amount,
  currency: payment.currency,
});

/** The events of one payment share the order's correlation id; `causationId` is what caused this one. */
export const metaFor = (payment: Pick<PaymentRow, 'correlationId'>, causationId: string | null): EventMeta => ({
  correlationId: payment.correlationId,
  causationId,
  actor: null,
});

/**
 * Records the event that tells the saga where the payment stands (succeeded, requires_action,
 * failed). Nothing for PENDING (a webhook will tell) or for refund states (refund events do).
 */
export async function recordOutcome(tx: Tx, payment: PaymentRow, meta: EventMeta): Promise<boolean> {
  switch (payment.status) {
    case 'SUCCEEDED':
      await recordEvent(tx, 'payments.payment.succeeded.v1', factsOf(payment), meta);
      return true;
    case 'REQUIRES_ACTION':
      await recordEvent(tx, 'payments.payment.requires_action.v1', factsOf(payment), meta);
      return true;
    case 'FAILED':
      await recordEvent(
        tx,
        'payments.payment.failed.v1',
        { ...factsOf(payment), reason: payment.failureReason ?? 'PROVIDER_ERROR', message: payment.failureMessage },
        meta,
      );
      return true;
    default:
      return false;
  }
}

export async function recordRefunded(
  tx: Tx,
  payment: PaymentRow,
  refund: { refundId: string; refundRequestId: string | null; refunded: number },
  meta: EventMeta,
): Promise<void> {
  await recordEvent(
    tx,
    'payments.payment.refunded.v1',
    { ...factsOf(payment), ...refund, totalRefunded: payment.refundedAmount, full: payment.refundedAmount >= payment.amount },
    meta,
  );
}

export async function recordRefundFailed(tx: Tx, request: { orderId: string; refundRequestId: string }, failure: { reason: string; message: string | null }, meta: EventMeta) {
  await recordEvent(tx, 'payments.refund.failed.v1', { ...request, reason: failure.reason, message: failure.message }, meta);
}
