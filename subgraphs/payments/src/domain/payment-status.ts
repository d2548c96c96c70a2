/** Payment states, as in the contract's PaymentStatus. */
export const PaymentStatuses = ['PENDING', 'REQUIRES_ACTION', 'SUCCEEDED', 'FAILED', 'REFUNDED', 'PARTIALLY_REFUNDED'] as const;
export type PaymentStatus = (typeof PaymentStatuses)[number];

/** Money has been captured: the state never goes back to an uncaptured one. */
const CAPTURED: ReadonlySet<PaymentStatus> = new Set(['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED']);
export const isCaptured = (status: PaymentStatus) => CAPTURED.has(status);

/**
 * Allowed provider-driven transitions (refunds move captured states, see refund.ts). FAILED is not
 * final: Stripe lets the customer retry the same PaymentIntent with another card.
 */
const TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  PENDING: ['REQUIRES_ACTION', 'SUCCEEDED', 'FAILED'],
  REQUIRES_ACTION: ['PENDING', 'SUCCEEDED', 'FAILED'],
  FAILED: ['PENDING', 'REQUIRES_ACTION', 'SUCCEEDED'],
  SUCCEEDED: [],
  PARTIALLY_REFUNDED: [],
  REFUNDED: [],
};

export const canTransition = (from: PaymentStatus, to: PaymentStatus) => TRANSITIONS[from].includes(to);

/**
 * Whether news from the provider (a webhook, possibly late or out of order) changes the payment:
 * success always wins over an uncaptured state (money moved, whatever arrived before); any other
 * change applies only when it is not older than what the current state is based on.
 */
export function shouldApply(current: { status: PaymentStatus; statusAt: Date }, next: { status: PaymentStatus; at: Date }): boolean {
  if (!canTransition(current.status, next.status)) return false;
  if (next.status === 'SUCCEEDED') return true;
  return next.at.getTime() >= current.statusAt.getTime();
}
