import { isSubject, parseEvent, type EventOf, type Subject } from '@drobble/schema/events';
import type { Logger } from '../logger.ts';
import { subscribeDefaults, type DeadLetter, type EventHandler, type SubscribeOptions } from './event-bus.ts';
import { assertToken } from './naming.ts';

/**
 * What both adapters do with one delivery, so they cannot drift apart: decode, validate, run the
 * handler under the ack-wait deadline, and decide ack / retry-after-backoff / dead-letter.
 */

export interface ConsumerSettings<S extends Subject = Subject> {
  durable: string;
  subjects: readonly S[];
  handler: EventHandler<S>;
  maxDeliver: number;
  backoffMs: readonly number[];
  ackWaitMs: number;
  startFrom: 'all' | 'new';
  concurrency: { limit: number; key(event: EventOf<S>): string };
}

const oneAtATime = { limit: 1, key: () => '' };

export type Outcome =
  | { kind: 'ack' }
  | { kind: 'retry'; delayMs: number; error: string }
  | { kind: 'dead'; error: string };

export interface DeliveryInput<S extends Subject> {
  subject: S;
  /** The message body as published (JSON text of the envelope). */
  text: string;
  deliveryCount: number;
}

/** `maxConcurrency` is the bus's cap on any subscription's concurrency.limit (EVENT_CONCURRENCY). */
export function normalizeSubscribeOptions<S extends Subject>(options: SubscribeOptions<S>, maxConcurrency = Number.POSITIVE_INFINITY): ConsumerSettings<S> {
  assertToken('durable', options.durable);
  if (options.subjects.length === 0) throw new Error(`durable "${options.durable}" subscribes to no subject`);
  for (const subject of options.subjects) if (!isSubject(subject)) throw new Error(`unknown event subject "${subject}"`);
  const settings = {
    durable: options.durable,
    subjects: [...new Set(options.subjects)],
    handler: options.handler,
    maxDeliver: options.maxDeliver ?? subscribeDefaults.maxDeliver,
    backoffMs: options.backoffMs ?? subscribeDefaults.backoffMs,
    ackWaitMs: options.ackWaitMs ?? subscribeDefaults.ackWaitMs,
    startFrom: options.startFrom ?? subscribeDefaults.startFrom,
    concurrency: options.concurrency ? { ...options.concurrency, limit: Math.min(options.concurrency.limit, maxConcurrency) } : oneAtATime,
  };
  if (!Number.isInteger(settings.maxDeliver) || settings.maxDeliver < 1) throw new Error('maxDeliver must be an integer >= 1');
  if (settings.backoffMs.some((ms) => !Number.isInteger(ms) || ms < 0)) throw new Error('backoffMs must be integers >= 0');
  if (!Number.isInteger(settings.ackWaitMs) || settings.ackWaitMs < 1) throw new Error('ackWaitMs must be an integer >= 1');
  if (!Number.isInteger(settings.concurrency.limit) || settings.concurrency.limit < 1) throw new Error('concurrency.limit must be an integer >= 1');
  return settings;
}

/** The ordering key of a delivery (see SubscribeOptions.concurrency); '' when the text has none. */
export function orderingKey(settings: Pick<ConsumerSettings, 'concurrency'>, text: string): string {
  if (settings.concurrency.limit === 1) return '';
  try {
    const key = settings.concurrency.key(JSON.parse(text));
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}

/** The wait before the delivery after failed delivery `deliveryCount` (the last entry repeats). */
export function redeliveryDelay(backoffMs: readonly number[], deliveryCount: number): number {
  if (backoffMs.length === 0) return 0;
  return backoffMs[Math.min(Math.max(deliveryCount, 1), backoffMs.length) - 1]!;
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
}

export async function deliver<S extends Subject>(settings: ConsumerSettings<S>, input: DeliveryInput<S>, logger: Logger): Promise<Outcome> {
  const { subject, deliveryCount } = input;
  const log = logger.child({ durable: settings.durable, subject, deliveryCount });
  let event;
  try {
    event = parseEvent(subject, JSON.parse(input.text));
  } catch (error) {
    log.error({ err: error }, 'poison event: invalid envelope or payload, dead-lettered');
    return { kind: 'dead', error: `invalid event: ${describeError(error)}` };
  }
  try {
    await runWithDeadline((signal) => settings.handler(event, { subject, deliveryCount, signal }), settings.ackWaitMs);
    return { kind: 'ack' };
  } catch (error) {
    const failure = { err: error, eventId: event.id, correlationId: event.correlationId };
    if (deliveryCount >= settings.maxDeliver) {
      log.error(failure, 'event handler failed for the last time, dead-lettered');
      return { kind: 'dead', error: describeError(error) };
    }
    const delayMs = redeliveryDelay(settings.backoffMs, deliveryCount);
    log.warn({ ...failure, delayMs }, 'event handler failed, will redeliver');
    return { kind: 'retry', delayMs, error: describeError(error) };
  }
}

async function runWithDeadline(run: (signal: AbortSignal) => Promise<unknown>, ms: number): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`handler did not finish within ackWaitMs (${ms} ms)`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    await Promise.race([Promise.resolve().then(() => run(controller.signal)), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The dead letter for a delivery that was given up on. */
export function deadLetterOf(durable: string, subject: string, text: string, error: string, deliveryCount: number): DeadLetter {
  let event: unknown = text;
  try {
    event = JSON.parse(text);
  } catch {
    // not JSON: keep the raw text
  }
  const id = (event as { id?: unknown } | null)?.id;
  return { durable, subject, eventId: typeof id === 'string' ? id : null, error, deliveryCount, deadAt: new Date().toISOString(), event };
}

/** One id per (stream message, consumer), so a dead letter recorded twice is stored once. */
export const deadLetterId = (stream: string, seq: number, consumer: string) => `dlq:${stream}:${seq}:${consumer}`;
