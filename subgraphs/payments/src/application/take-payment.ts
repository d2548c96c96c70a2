import { randomUUID } from 'node:crypto';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import type { EventOf } from '@drobble/schema/events';
import { appendLedger, changeStatus, paymentInclude } from '../infra/payment-repository.ts';
import { TX_OPTIONS, type Tx } from '../infra/prisma.ts';
import type { ChargeOutcome } from '../providers/provider.ts';
import type { PaymentsDeps } from './deps.ts';
import { metaFor, recordOutcome } from './payment-events.ts';

export const CHARGE_CONSUMER = 'payments-charge';

type PaymentRequested = EventOf<'orders.order.payment_requested.v1'>;

export interface TakePaymentOptions {
  /** On the last delivery a provider outage becomes a PROVIDER_ERROR failure instead of a retry. */
  lastAttempt?: boolean;
}

/**
 * orders.order.payment_requested.v1 -> one payment per order. The inbox skips a redelivered event;
 * a new request for an order that already has a payment (unique orderId) charges nothing and
 * repeats the outcome; the provider call carries the order id as idempotency key, so even a
 * transaction rolled back after the provider answered does not charge twice on the retry.
 */
export async function takePayment(deps: PaymentsDeps, event: PaymentRequested, options: TakePaymentOptions = {}): Promise<void> {
  await handleOnce(deps.prisma, CHARGE_CONSUMER, event, (tx) => chargeOnce(deps, tx, event, options), TX_OPTIONS);
  deps.eventsRecorded?.();
}

async function chargeOnce(deps: PaymentsDeps, tx: Tx, event: PaymentRequested, options: TakePaymentOptions): Promise<void> {
  const request = event.data;
  const existing = await tx.payment.findUnique({ where: { orderId: request.orderId }, include: paymentInclude });
  if (existing) {
    await recordOutcome(tx, existing, metaFor(existing, event.id));
    return;
  }
  // The insert takes the order's unique key first: a concurrent request for the same order waits
  // here, then fails on the key (and is retried into the branch above) instead of charging.
  const payment = await tx.payment.create({
    data: {
      id: randomUUID(),
      orderId: request.orderId,
      customerId: request.customerId,
      email: request.email,
      provider: request.provider,
      status: 'PENDING',
      amount: request.amount,
      currency: request.currency,
      statusAt: new Date(),
      requestEventId: event.id,
      correlationId: event.correlationId,
    },
    include: paymentInclude,
  });
  await appendLedger(tx, payment.id, { kind: 'ATTEMPT', amount: request.amount, note: `${request.provider} charge`, source: event.id });
  const outcome = await charge(deps, payment.id, request, options);
  const updated = await changeStatus(tx, payment, {
    status: outcome.status,
    at: outcome.at,
    source: event.id,
    providerRef: outcome.providerRef,
    clientSecret: outcome.clientSecret,
    failure: outcome.status === 'FAILED' ? { reason: outcome.reason, message: outcome.message } : null,
  });
  await recordOutcome(tx, updated, metaFor(updated, event.id));
}

async function charge(deps: PaymentsDeps, paymentId: string, request: PaymentRequested['data'], options: TakePaymentOptions): Promise<ChargeOutcome> {
  const gateway = deps.gateways[request.provider];
  const at = new Date();
  if (!gateway) return { status: 'FAILED', providerRef: null, clientSecret: null, reason: 'PROVIDER_UNAVAILABLE', message: `${request.provider} payments are not configured`, at };
  try {
    return await gateway.charge({ ...request, paymentId });
  } catch (error) {
    if (!options.lastAttempt) throw error;
    deps.logger.error({ err: error, orderId: request.orderId }, 'payment provider unreachable; giving up');
    return { status: 'FAILED', providerRef: null, clientSecret: null, reason: 'PROVIDER_ERROR', message: 'the payment provider could not be reached', at };
  }
}
