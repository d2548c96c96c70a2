import { createEvent, type EventMeta, type EventOf, type PayloadOf, type Subject } from '@drobble/schema/events';
import type { JsonObject, OutboxWriter } from './prisma-shapes.ts';

/**
 * Validates the event (createEvent throws on a bad payload) and inserts its outbox row with the
 * caller's transaction client, so the row commits or rolls back with the domain write:
 *
 *   const event = await prisma.$transaction(async (tx) => {
 *     const product = await tx.product.create({ ... });
 *     return recordEvent(tx, 'catalog.product.created.v1', snapshotOf(product), { correlationId, actor });
 *   });
 *   relay.nudge(); // publish now instead of at the next poll
 *
 * Returns the envelope (its `id` is the causationId of anything it causes).
 */
export async function recordEvent<S extends Subject>(tx: OutboxWriter, subject: S, data: PayloadOf<S>, meta: EventMeta): Promise<EventOf<S>> {
  const event = createEvent(subject, data, meta);
  await tx.outboxEvent.create({
    data: { id: event.id, subject, envelope: event as unknown as JsonObject, createdAt: nextCreatedAt() },
  });
  return event;
}

let lastCreatedAt = 0;

/**
 * The relay publishes in `createdAt` order. Strictly increasing within this process (a timestamp
 * column keeps milliseconds), so two events recorded in one transaction keep their order.
 */
function nextCreatedAt(): Date {
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1);
  return new Date(lastCreatedAt);
}
