import { z } from 'zod';
import { id } from './envelope.ts';
import { currency, minorUnits } from './money.ts';
import { paymentProvider } from './orders.ts';

/** Payments events: the outcome of the saga's payment and refund requests (and of Stripe webhooks). */

const paymentFacts = {
  paymentId: id(),
  orderId: id(),
  provider: paymentProvider,
  amount: minorUnits,
  currency,
};

export const paymentSucceededV1 = z.object({ ...paymentFacts });

/** The customer must confirm (Stripe client-side); the order waits in AWAITING_PAYMENT. */
export const paymentRequiresActionV1 = z.object({ ...paymentFacts });

export const paymentFailedV1 = z.object({
  ...paymentFacts,
  /** DECLINED, PROVIDER_ERROR, CANCELED, … */
  reason: z.string().regex(/^[A-Z][A-Z0-9_]*$/).max(64),
  message: z.string().max(500).nullable(),
});

export const paymentRefundedV1 = z.object({
  ...paymentFacts,
  refundId: id(),
  /** The refund request that caused it, when it came from the saga or an admin. */
  refundRequestId: id().nullable(),
  refunded: minorUnits,
  totalRefunded: minorUnits,
  /** True once everything paid has been refunded. */
  full: z.boolean(),
});

export const refundFailedV1 = z.object({
  orderId: id(),
  refundRequestId: id(),
  reason: z.string().regex(/^[A-Z][A-Z0-9_]*$/).max(64),
  message: z.string().max(500).nullable(),
});

/** Subject -> payload schema for the payments context. */
export const paymentsEvents = {
  'payments.payment.succeeded.v1': paymentSucceededV1,
  'payments.payment.requires_action.v1': paymentRequiresActionV1,
  'payments.payment.failed.v1': paymentFailedV1,
  'payments.payment.refunded.v1': paymentRefundedV1,
  'payments.refund.failed.v1': refundFailedV1,
} as const;
