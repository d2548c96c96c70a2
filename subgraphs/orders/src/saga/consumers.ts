import { perAggregate } from '@drobble/kit/bus/concurrency';
import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import type { Logger } from '@drobble/kit/logger';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import type { EventOf, Subject } from '@drobble/schema/events';
import type { OrderConfig } from '../config.ts';
import { TX_OPTIONS, type OrdersPrisma, type Tx } from '../infra/prisma.ts';
import { projectCart, projectCustomer, projectProduct } from '../projections/projections.ts';
import type { Reaction } from './context.ts';
import { onReservationConfirmed, onReservationRejected, onReservationReleased, onShipmentPrepared } from './inventory-reactions.ts';
import { onPaymentFailed, onPaymentRefunded, onPaymentRequiresAction, onPaymentSucceeded, onRefundFailed } from './payment-reactions.ts';

type Work = (tx: Tx, event: EventOf<Subject>, subject: Subject, config: OrderConfig) => Promise<void>;

interface ConsumerSpec {
  subjects: readonly Subject[];
  work: Work;
  /** Saga steps of different orders run side by side; one order's steps stay in order. */
  perOrder?: true;
}

/** Each reaction narrowed to its subject; the bus has validated the payload against it. */
const on = (react: (r: Reaction<never>) => Promise<void>) =>
  (tx: Tx, event: EventOf<Subject>, config: OrderConfig) => react({ tx, event: event as never, config });

const sagaReactions: Partial<Record<Subject, (tx: Tx, event: EventOf<Subject>, config: OrderConfig) => Promise<void>>> = {
  'inventory.reservation.confirmed.v1': on(onReservationConfirmed),
  'inventory.reservation.rejected.v1': on(onReservationRejected),
  'inventory.reservation.released.v1': on(onReservationReleased),
  'payments.payment.succeeded.v1': on(onPaymentSucceeded),
  'payments.payment.requires_action.v1': on(onPaymentRequiresAction),
  'payments.payment.failed.v1': on(onPaymentFailed),
  'payments.payment.refunded.v1': on(onPaymentRefunded),
  'payments.refund.failed.v1': on(onRefundFailed),
  'shipping.shipment.prepared.v1': on(onShipmentPrepared),
};

const saga: Work = (tx, event, subject, config) => sagaReactions[subject]!(tx, event, config);

/** The durable consumers of the orders context, by durable name (also used to retry dead letters). */
export const consumers: Record<string, ConsumerSpec> = {
  'orders-saga-inventory': {
    subjects: ['inventory.reservation.confirmed.v1', 'inventory.reservation.rejected.v1', 'inventory.reservation.released.v1'],
    work: saga,
    perOrder: true,
  },
  'orders-saga-payments': {
    subjects: ['payments.payment.succeeded.v1', 'payments.payment.requires_action.v1', 'payments.payment.failed.v1', 'payments.payment.refunded.v1', 'payments.refund.failed.v1'],
    work: saga,
    perOrder: true,
  },
  'orders-saga-shipping': { subjects: ['shipping.shipment.prepared.v1'], work: saga, perOrder: true },
  'orders-cart-projection': { subjects: ['cart.cart.updated.v1'], work: (tx, event) => projectCart(tx, event as EventOf<'cart.cart.updated.v1'>) },
  'orders-catalog-projection': {
    subjects: ['catalog.product.created.v1', 'catalog.product.updated.v1', 'catalog.product.deleted.v1'],
    work: (tx, event, subject) => projectProduct(tx, event as never, subject === 'catalog.product.deleted.v1'),
  },
  'orders-customer-projection': { subjects: ['identity.user.registered.v1'], work: (tx, event) => projectCustomer(tx, event as EventOf<'identity.user.registered.v1'>) },
};

export interface ConsumerDeps {
  prisma: OrdersPrisma;
  config: OrderConfig;
  /** After a commit that may have recorded events. */
  eventsRecorded: () => void;
}

/** Runs one event through a durable's work exactly once (inbox), in one transaction with its outbox rows. */
export async function consume(deps: ConsumerDeps, durable: string, event: EventOf<Subject>, subject: Subject): Promise<boolean> {
  const spec = consumers[durable];
  if (!spec || !spec.subjects.includes(subject)) throw new Error(`${durable} does not consume ${subject}`);
  const done = await handleOnce(deps.prisma, durable, event, (tx) => spec.work(tx, event, subject, deps.config), TX_OPTIONS);
  if (done) deps.eventsRecorded();
  return done;
}

/** Subscribes every durable; the bus redelivers with backoff and dead-letters after maxDeliver. */
export async function startConsumers(deps: ConsumerDeps & { bus: EventBus; logger: Logger }): Promise<Subscription[]> {
  const subscriptions: Subscription[] = [];
  for (const [durable, spec] of Object.entries(consumers)) {
    subscriptions.push(
      await deps.bus.subscribe({
        durable,
        subjects: spec.subjects,
        maxDeliver: deps.config.maxDeliver,
        backoffMs: deps.config.backoffMs,
        ...(spec.perOrder ? { concurrency: perAggregate('orderId') } : {}),
        handler: async (event, meta) => {
          try {
            await consume(deps, durable, event as EventOf<Subject>, meta.subject);
          } catch (error) {
            deps.logger.warn({ err: error, durable, subject: meta.subject, eventId: event.id, correlationId: event.correlationId, deliveryCount: meta.deliveryCount }, 'orders consumer failed');
            throw error;
          }
        },
      }),
    );
  }
  return subscriptions;
}
