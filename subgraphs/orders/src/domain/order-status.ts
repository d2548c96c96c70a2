import { conflict } from '@drobble/kit/errors';
import type { OrderStatus } from '@drobble/schema/events';

export type { OrderStatus };

/**
 * The order's state machine as data: every status and the statuses it may move to. The saga, the
 * admin mutations and cancelOrder all go through assertTransition, so no path skips a rule.
 */
export const transitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  PENDING: ['STOCK_RESERVED', 'FAILED', 'CANCELLED'],
  STOCK_RESERVED: ['AWAITING_PAYMENT', 'PAID', 'FAILED', 'CANCELLED'],
  AWAITING_PAYMENT: ['PAID', 'FAILED', 'CANCELLED'],
  PAID: ['READY_TO_SHIP', 'CANCELLED', 'REFUNDED'],
  READY_TO_SHIP: ['SHIPPED', 'CANCELLED', 'REFUNDED'],
  SHIPPED: ['DELIVERED', 'REFUNDED'],
  DELIVERED: ['REFUNDED'],
  CANCELLED: [],
  FAILED: [],
  REFUNDED: [],
};

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean => transitions[from].includes(to);

/** CONFLICT unless `from -> to` is in the table. */
export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw conflict(`An order that is ${from} cannot become ${to}`);
}

export const isTerminal = (status: OrderStatus): boolean => transitions[status].length === 0;

/** Money has been taken (and not given back by a cancel): refunds are possible. */
export const PAID_STATUSES: readonly OrderStatus[] = ['PAID', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED'];

/** Waiting for the payment provider: the payment timeout applies. */
export const AWAITING_PAYMENT_STATUSES: readonly OrderStatus[] = ['STOCK_RESERVED', 'AWAITING_PAYMENT'];
