/** What the payments use cases need from a payment provider (TEST or STRIPE). */
export interface ChargeRequest {
  orderId: string;
  paymentId: string;
  amount: number;
  currency: string;
  email: string;
  /** TEST: tok_visa, tok_chargeDeclined, tok_requiresAction; STRIPE: a PaymentMethod id, or null. */
  token: string | null;
}

export type ChargeOutcome =
  | { status: 'SUCCEEDED' | 'REQUIRES_ACTION' | 'PENDING'; providerRef: string; clientSecret: string | null; at: Date }
  | { status: 'FAILED'; providerRef: string | null; clientSecret: string | null; reason: string; message: string | null; at: Date };

export interface RefundRequest {
  providerRef: string;
  amount: number;
  currency: string;
  /** The refund request id: a retried call returns the first refund instead of refunding again. */
  idempotencyKey: string;
  reason: string;
}

export interface PaymentGateway {
  readonly provider: 'TEST' | 'STRIPE';
  /** Charges once per order: the order id is the idempotency key. Throws only when retrying may help. */
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  /** Returns the provider's refund id; throws ProviderRefusal when the provider refuses for good. */
  refund(request: RefundRequest): Promise<{ providerRefundId: string }>;
}

/** The provider answered and said no (retrying will not change it). */
export class ProviderRefusal extends Error {
  readonly reason: string;
  constructor(reason: string, message: string) {
    super(message);
    this.name = 'ProviderRefusal';
    this.reason = reason;
  }
}
