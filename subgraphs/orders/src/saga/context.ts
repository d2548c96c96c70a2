import type { EventOf, Subject } from '@drobble/schema/events';
import type { OrderConfig } from '../config.ts';
import { lockOrder, type OrderRecord } from '../infra/order-repository.ts';
import type { Tx } from '../infra/prisma.ts';

/** What a saga reaction gets: the transaction (inbox row included), the event, the settings. */
export interface Reaction<S extends Subject> {
  tx: Tx;
  event: EventOf<S>;
  config: OrderConfig;
}

/** An event about an order this context does not know; retried, then dead-lettered. */
export class UnknownOrderError extends Error {
  constructor(orderId: string) {
    super(`order ${orderId} is unknown to the orders context`);
    this.name = 'UnknownOrderError';
  }
}

/** An answer that arrived before the saga asked for it; retried (the order catches up) or dead-lettered. */
export class EarlyEventError extends Error {
  constructor(subject: string, order: OrderRecord) {
    super(`${subject} arrived while order ${order.id} is ${order.status}; retrying later`);
    this.name = 'EarlyEventError';
  }
}

export async function lockKnownOrder(tx: Tx, orderId: string): Promise<OrderRecord> {
  const order = await lockOrder(tx, orderId);
  if (!order) throw new UnknownOrderError(orderId);
  return order;
}

export const after = (ms: number) => new Date(Date.now() + ms);
