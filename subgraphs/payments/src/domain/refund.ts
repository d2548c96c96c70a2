import type { PaymentStatus } from './payment-status.ts';
import { isCaptured } from './payment-status.ts';

export type RefundDecision =
  | { ok: true; amount: number; totalRefunded: number; full: boolean; status: PaymentStatus }
  | { ok: false; reason: 'PAYMENT_NOT_CAPTURED' | 'NOTHING_TO_REFUND' | 'REFUND_EXCEEDS_PAYMENT' | 'INVALID_AMOUNT'; message: string };

interface Refundable {
  status: PaymentStatus;
  amount: number;
  refundedAmount: number;
}

/** A refund of `requested` (null: everything not yet refunded), never above what is left. */
export function decideRefund(payment: Refundable, requested: number | null): RefundDecision {
  if (!isCaptured(payment.status)) return { ok: false, reason: 'PAYMENT_NOT_CAPTURED', message: `payment is ${payment.status}` };
  const left = payment.amount - payment.refundedAmount;
  const amount = requested ?? left;
  if (requested !== null && requested <= 0) return { ok: false, reason: 'INVALID_AMOUNT', message: 'a refund must be positive' };
  if (amount === 0) return { ok: false, reason: 'NOTHING_TO_REFUND', message: 'the payment is fully refunded' };
  if (amount > left) return { ok: false, reason: 'REFUND_EXCEEDS_PAYMENT', message: `refund of ${amount} exceeds the ${left} left to refund` };
  return applyRefund(payment, amount);
}

/** The payment's refund facts after `amount` more is refunded (amount already checked against what is left). */
export function applyRefund(payment: Refundable, amount: number) {
  const totalRefunded = payment.refundedAmount + amount;
  const full = totalRefunded >= payment.amount;
  return { ok: true as const, amount, totalRefunded, full, status: (full ? 'REFUNDED' : 'PARTIALLY_REFUNDED') as PaymentStatus };
}
