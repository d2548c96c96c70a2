import { handleOnce } from '@drobble/kit/outbox/inbox';
import type { EventOf } from '@drobble/schema/events';
import { decideRefund } from '../domain/refund.ts';
import { lockPayment, recordRefund } from '../infra/payment-repository.ts';
import { TX_OPTIONS, type Tx } from '../infra/prisma.ts';
import { ProviderRefusal } from '../providers/provider.ts';
import type { PaymentsDeps } from './deps.ts';
import { metaFor, recordRefunded, recordRefundFailed } from './payment-events.ts';

export const REFUND_CONSUMER = 'payments-refund';

type RefundRequested = EventOf<'orders.order.refund_requested.v1'>;

/**
 * orders.order.refund_requested.v1 -> a refund at the provider, or refund.failed. The payment row
 * is locked for the whole decision, so concurrent requests never refund more than was captured
 * (and a CHECK constraint backs that up); the provider call is idempotent by refund request id.
 */
export async function refundPayment(deps: PaymentsDeps, event: RefundRequested): Promise<void> {
  await handleOnce(deps.prisma, REFUND_CONSUMER, event, (tx) => refundOnce(deps, tx, event), TX_OPTIONS);
  deps.eventsRecorded?.();
}

async function refundOnce(deps: PaymentsDeps, tx: Tx, event: RefundRequested): Promise<void> {
  const { orderId, refundRequestId, amount, reason } = event.data;
  const meta = { correlationId: event.correlationId, causationId: event.id, actor: event.actor };
  const fail = (failure: { reason: string; message: string | null }) => recordRefundFailed(tx, { orderId, refundRequestId }, failure, meta);
  const payment = await lockPayment(tx, { orderId });
  if (!payment) return fail({ reason: 'PAYMENT_NOT_FOUND', message: 'the order has no payment' });
  const done = payment.refunds.find((refund) => refund.refundRequestId === refundRequestId);
  if (done) return recordRefunded(tx, payment, { refundId: done.id, refundRequestId, refunded: done.amount }, metaFor(payment, event.id));
  const decision = decideRefund(payment, amount);
  if (!decision.ok) return fail(decision);
  const gateway = deps.gateways[payment.provider];
  if (!gateway || !payment.providerRef) return fail({ reason: 'PROVIDER_UNAVAILABLE', message: `${payment.provider} payments are not configured` });
  let providerRefundId: string;
  try {
    ({ providerRefundId } = await gateway.refund({ providerRef: payment.providerRef, amount: decision.amount, currency: payment.currency, idempotencyKey: refundRequestId, reason }));
  } catch (error) {
    if (error instanceof ProviderRefusal) return fail({ reason: error.reason, message: error.message });
    throw error;
  }
  // A Stripe webhook may have recorded this very refund already (e.g. after a crash before our commit).
  const seen = payment.refunds.find((refund) => refund.providerRefundId === providerRefundId);
  if (seen) return recordRefunded(tx, payment, { refundId: seen.id, refundRequestId, refunded: seen.amount }, metaFor(payment, event.id));
  const recorded = await recordRefund(tx, payment, { ...decision, refundRequestId, providerRefundId, reason, source: event.id });
  await recordRefunded(tx, recorded.payment, { refundId: recorded.refundId, refundRequestId, refunded: decision.amount }, metaFor(payment, event.id));
}
