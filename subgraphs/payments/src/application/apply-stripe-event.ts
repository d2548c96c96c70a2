import type Stripe from 'stripe';
import { applyRefund } from '../domain/refund.ts';
import { isCaptured, shouldApply, type PaymentStatus } from '../domain/payment-status.ts';
import { changeStatus, lockPayment, recordRefund, type PaymentRow } from '../infra/payment-repository.ts';
import { TX_OPTIONS, type Tx } from '../infra/prisma.ts';
import { ORDER_ID_METADATA, reasonOfStripeError } from '../providers/stripe-provider.ts';
import type { PaymentsDeps } from './deps.ts';
import { metaFor, recordOutcome, recordRefunded } from './payment-events.ts';

/** applied; duplicate (event id seen before: no effect); ignored (not ours / stale); retry (ours, but not stored yet). */
export type WebhookResult = 'applied' | 'duplicate' | 'ignored' | 'retry';

class RetryLater extends Error {}

const INTENT_STATUS: Partial<Record<string, PaymentStatus>> = {
  'payment_intent.succeeded': 'SUCCEEDED',
  'payment_intent.payment_failed': 'FAILED',
  'payment_intent.requires_action': 'REQUIRES_ACTION',
  'payment_intent.processing': 'PENDING',
  'payment_intent.canceled': 'FAILED',
};

/**
 * Applies one verified Stripe event, at most once (its id is stored with the change in one
 * transaction). Out of order is fine: a stale status is ignored by timestamp, a success is never
 * undone, and charge.refunded reconciles by Stripe's cumulative amount_refunded.
 */
export async function applyStripeEvent(deps: PaymentsDeps, event: Stripe.Event): Promise<WebhookResult> {
  try {
    const result = await deps.prisma.$transaction(async (tx): Promise<WebhookResult> => {
      const { count } = await tx.stripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
      if (count === 0) return 'duplicate';
      if (INTENT_STATUS[event.type]) return onIntent(tx, event, INTENT_STATUS[event.type]!);
      if (event.type === 'charge.refunded') return onChargeRefunded(tx, event);
      return 'ignored';
    }, TX_OPTIONS);
    if (result === 'applied') deps.eventsRecorded?.();
    return result;
  } catch (error) {
    if (error instanceof RetryLater) return 'retry';
    throw error;
  }
}

async function paymentOf(tx: Tx, intentId: string, orderId: string | undefined): Promise<PaymentRow | null> {
  const payment = await lockPayment(tx, { providerRef: intentId });
  // Ours (metadata) but not committed yet: Stripe can be faster than our own transaction.
  if (!payment && orderId) throw new RetryLater();
  return payment;
}

async function onIntent(tx: Tx, event: Stripe.Event, status: PaymentStatus): Promise<WebhookResult> {
  const intent = event.data.object as Stripe.PaymentIntent;
  const payment = await paymentOf(tx, intent.id, intent.metadata?.[ORDER_ID_METADATA]);
  if (!payment) return 'ignored';
  const at = new Date(event.created * 1000);
  if (!shouldApply(payment, { status, at })) return 'ignored';
  const failure = status === 'FAILED' ? failureOf(event.type, intent) : null;
  const updated = await changeStatus(tx, payment, { status, at, failure, source: event.id, note: event.type });
  await recordOutcome(tx, updated, metaFor(updated, payment.requestEventId));
  return 'applied';
}

/** Why an intent failed, in the events' terms (a card error is DECLINED). */
function failureOf(type: string, intent: Stripe.PaymentIntent) {
  if (type === 'payment_intent.canceled') return { reason: 'CANCELED', message: intent.cancellation_reason ?? null };
  const error = intent.last_payment_error;
  const reason = !error || error.type === 'card_error' ? 'DECLINED' : reasonOfStripeError({ code: error.code });
  return { reason, message: error?.message?.slice(0, 500) ?? null };
}

async function onChargeRefunded(tx: Tx, event: Stripe.Event): Promise<WebhookResult> {
  const charge = event.data.object as Stripe.Charge;
  const intentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!intentId) return 'ignored';
  let payment = await paymentOf(tx, intentId, charge.metadata?.[ORDER_ID_METADATA]);
  if (!payment) return 'ignored';
  const at = new Date(event.created * 1000);
  if (!isCaptured(payment.status)) {
    // The refund arrived before payment_intent.succeeded: a refunded charge was captured.
    payment = await changeStatus(tx, payment, { status: 'SUCCEEDED', at, source: event.id, note: 'captured (learned from charge.refunded)' });
    await recordOutcome(tx, payment, metaFor(payment, payment.requestEventId));
  }
  const missing = Math.min(charge.amount_refunded, payment.amount) - payment.refundedAmount;
  if (missing <= 0) return 'applied'; // our own refunds are recorded when made
  const known = new Set(payment.refunds.map((refund) => refund.providerRefundId));
  const providerRefundId = charge.refunds?.data?.find((refund) => !known.has(refund.id))?.id ?? `${event.id}:refund`;
  const refund = applyRefund(payment, missing);
  const recorded = await recordRefund(tx, payment, { ...refund, refundRequestId: null, providerRefundId, reason: 'refunded at Stripe', source: event.id });
  await recordRefunded(tx, recorded.payment, { refundId: recorded.refundId, refundRequestId: null, refunded: missing }, metaFor(payment, event.id));
  return 'applied';
}
