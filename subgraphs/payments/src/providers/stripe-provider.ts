import type Stripe from 'stripe';
import type { ChargeOutcome, ChargeRequest, PaymentGateway, RefundRequest } from './provider.ts';
import { ProviderRefusal } from './provider.ts';

/** Metadata keys Drobble puts on its PaymentIntents (webhooks find the order by them). */
export const ORDER_ID_METADATA = 'drobbleOrderId';
export const PAYMENT_ID_METADATA = 'drobblePaymentId';

const epoch = (seconds: number) => new Date(seconds * 1000);

/** A PaymentIntent's status in the contract's terms. */
export function statusOfIntent(intent: Pick<Stripe.PaymentIntent, 'status'>): 'SUCCEEDED' | 'REQUIRES_ACTION' | 'PENDING' | 'FAILED' {
  switch (intent.status) {
    case 'succeeded':
      return 'SUCCEEDED';
    case 'requires_action':
    case 'requires_confirmation':
    case 'requires_payment_method':
      return 'REQUIRES_ACTION';
    case 'canceled':
      return 'FAILED';
    default:
      return 'PENDING';
  }
}

/** A Stripe failure as an event reason: card errors are DECLINED, the rest PROVIDER_ERROR. */
export const reasonOfStripeError = (error: { type?: string; code?: string }) =>
  error.type === 'StripeCardError' || error.code === 'card_declined' ? 'DECLINED' : 'PROVIDER_ERROR';

function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  const type = error instanceof Error ? (error as unknown as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type.startsWith('Stripe');
}

/** Errors worth retrying later: the network, rate limits, Stripe's own 5xx. */
const isTransient = (error: Stripe.errors.StripeError) =>
  ['StripeConnectionError', 'StripeAPIError', 'StripeRateLimitError'].includes(error.type) || (error.statusCode ?? 0) >= 500;

/**
 * The STRIPE provider: one PaymentIntent per order, created (and confirmed when a PaymentMethod is
 * given) with the order id as idempotency key, so a repeated request returns the same intent.
 */
export function createStripeGateway(stripe: Stripe): PaymentGateway {
  return {
    provider: 'STRIPE',
    async charge(request: ChargeRequest): Promise<ChargeOutcome> {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amount,
            currency: request.currency.toLowerCase(),
            receipt_email: request.email,
            metadata: { [ORDER_ID_METADATA]: request.orderId, [PAYMENT_ID_METADATA]: request.paymentId },
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
            ...(request.token ? { payment_method: request.token, confirm: true } : {}),
          },
          { idempotencyKey: request.orderId },
        );
        const status = statusOfIntent(intent);
        const at = epoch(intent.created);
        if (status === 'FAILED') return { status, providerRef: intent.id, clientSecret: intent.client_secret, reason: 'CANCELED', message: intent.cancellation_reason ?? null, at };
        return { status, providerRef: intent.id, clientSecret: intent.client_secret, at };
      } catch (error) {
        if (!isStripeError(error) || isTransient(error)) throw error;
        const intent = error.payment_intent;
        return {
          status: 'FAILED',
          providerRef: intent?.id ?? null,
          clientSecret: intent?.client_secret ?? null,
          reason: reasonOfStripeError(error),
          message: error.message.slice(0, 500),
          at: intent ? epoch(intent.created) : new Date(),
        };
      }
    },
    async refund(request: RefundRequest) {
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: request.providerRef, amount: request.amount, reason: 'requested_by_customer', metadata: { reason: request.reason.slice(0, 500) } },
          { idempotencyKey: `refund-${request.idempotencyKey}` },
        );
        if (refund.status === 'failed' || refund.status === 'canceled') throw new ProviderRefusal('PROVIDER_ERROR', `Stripe refund ${refund.id} is ${refund.status}`);
        return { providerRefundId: refund.id };
      } catch (error) {
        if (isStripeError(error) && !isTransient(error)) throw new ProviderRefusal('PROVIDER_ERROR', error.message.slice(0, 500));
        throw error;
      }
    },
  };
}
