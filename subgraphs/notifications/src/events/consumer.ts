import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import type { EventOf, Subject } from '@drobble/schema/events';
import type { NotificationsPrisma, Tx } from '../infra/prisma.ts';
import { onOrderPlaced, onOrderStatusChanged, onPaymentSucceeded, onUserDeleted, onUserRegistered, passwordResetHandler } from './handlers.ts';

export const NOTIFICATIONS_DURABLE = 'notifications-messages';

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/**
 * One durable over every subject that triggers a message. Each event queues its email and in-app
 * notification at most once (inbox + unique keys); `queued` then wakes the mail sender. A receipt
 * whose order is not known yet fails and is redelivered with backoff until the order's facts arrive.
 */
export function subscribeNotifications(bus: EventBus, prisma: NotificationsPrisma, options: { appUrl: string; queued: () => void }): Promise<Subscription> {
  const handlers = {
    'identity.user.registered.v1': onUserRegistered,
    'identity.password_reset.requested.v1': passwordResetHandler(options.appUrl),
    'identity.user.deleted.v1': onUserDeleted,
    'orders.order.placed.v1': onOrderPlaced,
    'orders.order.status_changed.v1': onOrderStatusChanged,
    'payments.payment.succeeded.v1': onPaymentSucceeded,
  } as const satisfies { [S in Subject]?: (tx: Tx, event: EventOf<S>) => Promise<void> };
  type Consumed = keyof typeof handlers;
  return bus.subscribe({
    durable: NOTIFICATIONS_DURABLE,
    subjects: Object.keys(handlers) as Consumed[],
    maxDeliver: 12,
    backoffMs: [1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 300_000],
    handler: async (event, meta) => {
      const handle = handlers[meta.subject] as (tx: Tx, event: EventOf<Consumed>) => Promise<void>;
      if (await handleOnce(prisma, NOTIFICATIONS_DURABLE, event, (tx) => handle(tx, event), TX_OPTIONS)) options.queued();
    },
  });
}
