import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import type { EventOf, Subject } from '@drobble/schema/events';
import type { AnalyticsPrisma, Tx } from '../infra/prisma.ts';
import { onOrderPaid, onOrderPlaced, onOrderStatusChanged, onPaymentRefunded, onStockChanged, onUserRegistered } from './projections.ts';

export const ANALYTICS_DURABLE = 'analytics-figures';

const handlers = {
  'orders.order.placed.v1': onOrderPlaced,
  'orders.order.paid.v1': onOrderPaid,
  'orders.order.status_changed.v1': onOrderStatusChanged,
  'payments.payment.refunded.v1': onPaymentRefunded,
  'identity.user.registered.v1': onUserRegistered,
  'inventory.stock.changed.v1': onStockChanged,
} as const satisfies { [S in Subject]?: (tx: Tx, event: EventOf<S>) => Promise<void> };

type Consumed = keyof typeof handlers;

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/**
 * One durable over every subject that moves a figure. Each event is folded in at most once (inbox);
 * `changed` is told after every event that was new, so the dashboard update can be published.
 */
export function subscribeAnalytics(bus: EventBus, prisma: AnalyticsPrisma, changed: (event: EventOf<Consumed>) => void): Promise<Subscription> {
  return bus.subscribe({
    durable: ANALYTICS_DURABLE,
    subjects: Object.keys(handlers) as Consumed[],
    maxDeliver: 10,
    handler: async (event, meta) => {
      const project = handlers[meta.subject] as (tx: Tx, event: EventOf<Consumed>) => Promise<void>;
      const applied = await handleOnce(prisma, ANALYTICS_DURABLE, event, (tx) => project(tx, event), TX_OPTIONS);
      if (applied) changed(event);
    },
  });
}
