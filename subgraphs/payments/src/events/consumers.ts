import { perAggregate } from '@drobble/kit/bus/concurrency';
import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import { subscribeDefaults } from '@drobble/kit/bus/event-bus';
import type { PaymentsDeps } from '../application/deps.ts';
import { REFUND_CONSUMER, refundPayment } from '../application/refund-payment.ts';
import { CHARGE_CONSUMER, takePayment } from '../application/take-payment.ts';

const MAX_DELIVER = subscribeDefaults.maxDeliver;

/** The saga's requests to payments: durable consumers, idempotent through the inbox. */
export async function startPaymentsConsumers(bus: EventBus, deps: PaymentsDeps): Promise<Subscription[]> {
  return Promise.all([
    bus.subscribe({
      durable: CHARGE_CONSUMER,
      subjects: ['orders.order.payment_requested.v1'],
      maxDeliver: MAX_DELIVER,
      // Charges of different orders wait on the provider side by side; one order's requests stay in order.
      concurrency: perAggregate('orderId'),
      handler: (event, meta) => takePayment(deps, event, { lastAttempt: meta.deliveryCount >= MAX_DELIVER }),
    }),
    bus.subscribe({
      durable: REFUND_CONSUMER,
      subjects: ['orders.order.refund_requested.v1'],
      maxDeliver: MAX_DELIVER,
      concurrency: perAggregate('orderId'),
      handler: (event) => refundPayment(deps, event),
    }),
  ]);
}
