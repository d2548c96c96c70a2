import type { EventMeta } from '@drobble/schema/events';
import { notFound } from '@drobble/kit/errors';
import { lockOrder, type OrderRecord } from '../infra/order-repository.ts';
import { TX_OPTIONS, type Tx } from '../infra/prisma.ts';
import { sagaMeta } from '../saga/status-change.ts';
import { actorOf, type Caller, type OrdersDeps } from './deps.ts';

/**
 * Runs a command on one order in one transaction under its row lock: `authorize` sees the locked
 * order, `act` writes (status, outbox rows) with the order's correlation id and the caller as actor.
 */
export async function onOrder(
  deps: OrdersDeps,
  caller: Caller,
  id: string,
  authorize: (order: OrderRecord) => void,
  act: (tx: Tx, order: OrderRecord, meta: EventMeta) => Promise<OrderRecord>,
): Promise<OrderRecord> {
  const order = await deps.prisma.$transaction(async (tx) => {
    const locked = await lockOrder(tx, id);
    if (!locked) throw notFound('Order');
    authorize(locked);
    return act(tx, locked, sagaMeta(locked, null, actorOf(caller.viewer)));
  }, TX_OPTIONS);
  deps.eventsRecorded();
  return order;
}
