import { requireRole } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import type { DeadLetter } from '@drobble/kit/bus/event-bus';
import { badInput, conflict, notFound } from '@drobble/kit/errors';
import { EventValidationError, isSubject, parseEvent, type EventOf, type Subject } from '@drobble/schema/events';
import { consume, consumers } from '../saga/consumers.ts';
import type { OrdersDeps } from './deps.ts';

export interface DeadLetterView extends DeadLetter {
  /** When an admin re-ran it successfully, if ever. */
  retriedAt: Date | null;
}

/** deadLetters (ADMIN): every dead letter on the bus (all durables, or one), oldest first, with retry marks. */
export async function listDeadLetters(deps: OrdersDeps, viewer: Viewer, durable?: string | null): Promise<DeadLetterView[]> {
  requireRole(viewer, 'ADMIN');
  if (durable && !/^[A-Za-z0-9_-]{1,100}$/.test(durable)) throw badInput('durable', 'not a durable name');
  const letters = await deps.bus.deadLetters(durable ?? undefined);
  const retries = await deps.prisma.deadLetterRetry.findMany({ where: { eventId: { in: letters.flatMap((l) => (l.eventId && isUuid(l.eventId) ? [l.eventId] : [])) } } });
  const retriedAt = new Map(retries.map((retry) => [`${retry.durable}/${retry.eventId}`, retry.retriedAt]));
  return letters.map((letter) => ({ ...letter, retriedAt: retriedAt.get(`${letter.durable}/${letter.eventId}`) ?? null }));
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * retryDeadLetter (ADMIN): re-delivers the dead letter's event to the orders durable that gave up
 * (the same idempotent handler, inbox included). A letter that still fails stays dead (CONFLICT with
 * the error); an unreadable one cannot be retried (BAD_USER_INPUT). Only orders' own durables.
 */
export async function retryDeadLetter(deps: OrdersDeps, viewer: Viewer, durable: string, eventId: string): Promise<DeadLetterView> {
  requireRole(viewer, 'ADMIN');
  if (!consumers[durable]) throw badInput('durable', `only the orders context's durables can be retried here (${Object.keys(consumers).join(', ')})`);
  const letter = (await deps.bus.deadLetters(durable)).find((candidate) => candidate.eventId === eventId);
  if (!letter) throw notFound('Dead letter');
  if (!isSubject(letter.subject)) throw badInput('eventId', `unknown subject ${letter.subject}`);
  let event: EventOf<Subject>;
  try {
    event = parseEvent(letter.subject, letter.event);
  } catch (error) {
    if (error instanceof EventValidationError) throw badInput('eventId', `the event is not valid and cannot be retried: ${error.message}`.slice(0, 500));
    throw error;
  }
  try {
    await consume(deps, durable, event, letter.subject);
  } catch (error) {
    throw conflict(`retry failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500));
  }
  const retry = await deps.prisma.deadLetterRetry.upsert({
    where: { durable_eventId: { durable, eventId } },
    create: { durable, eventId },
    update: { retriedAt: new Date() },
  });
  return { ...letter, retriedAt: retry.retriedAt };
}
