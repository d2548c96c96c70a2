import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  nanos,
  ReplayPolicy,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from 'nats';
import { redeliveryDelay, type ConsumerSettings } from './delivery.ts';

/** Stream and consumer definitions for nats-server 2.9+ (no multi-subject filters, no TERM reasons). */

export interface StreamLimits {
  /** Dedupe window for `Nats-Msg-Id`. Default 2 min. */
  duplicateWindowMs: number;
  /** Drop events older than this; 0 keeps them forever (default). */
  maxAgeMs: number;
  /** Stream replicas in a cluster. Default 1. */
  replicas: number;
}

/** Extra time the server waits past `ackWaitMs` before it redelivers on its own (the client's deadline fires first). */
export const SERVER_GRACE_MS = 1_000;

export function isNotFound(error: unknown): boolean {
  const apiCode = (error as { api_error?: { err_code?: number } }).api_error?.err_code;
  return apiCode === 10059 || apiCode === 10014 || /not found/i.test((error as Error)?.message ?? '');
}

/** Creates the stream when missing. An existing stream is left as it is (operators may have tuned it). */
export async function ensureStream(jsm: JetStreamManager, name: string, subject: string, limits: StreamLimits): Promise<void> {
  try {
    await jsm.streams.info(name);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const config: Partial<StreamConfig> = {
    name,
    subjects: [subject],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(limits.duplicateWindowMs),
    max_age: nanos(limits.maxAgeMs),
    num_replicas: limits.replicas,
  };
  try {
    await jsm.streams.add(config);
  } catch (error) {
    // Another replica created it in between: fine.
    if (!/already in use/i.test((error as Error).message)) throw error;
  }
}

/**
 * The server-side redelivery timers: after delivery n the server waits `ackWaitMs + grace +
 * backoff(n)` before redelivering by itself. That only happens when the client died or hung; a
 * live client naks with the same backoff as soon as its handler fails or passes `ackWaitMs`.
 * JetStream needs `backoff.length < max_deliver`; its last entry repeats.
 */
export function serverTimers(settings: Pick<ConsumerSettings, 'ackWaitMs' | 'backoffMs' | 'maxDeliver'>): { ack_wait: number; backoff?: number[] } {
  const after = (delivery: number) => settings.ackWaitMs + SERVER_GRACE_MS + redeliveryDelay(settings.backoffMs, delivery);
  const length = Math.min(settings.maxDeliver - 1, Math.max(settings.backoffMs.length, 1));
  const backoff = Array.from({ length }, (_, index) => nanos(after(index + 1)));
  return backoff.length > 0 ? { ack_wait: backoff[0]!, backoff } : { ack_wait: nanos(after(1)) };
}

/** Creates the durable pull consumer, or updates its limits (nats-server applies editable changes). */
export async function ensureConsumer(jsm: JetStreamManager, stream: string, name: string, filterSubject: string, settings: ConsumerSettings): Promise<void> {
  const config: Partial<ConsumerConfig> = {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: settings.startFrom === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
    replay_policy: ReplayPolicy.Instant,
    filter_subject: filterSubject,
    max_deliver: settings.maxDeliver,
    max_ack_pending: 1_000,
    ...serverTimers(settings),
  };
  try {
    await jsm.consumers.add(stream, config);
  } catch (error) {
    throw new Error(`cannot create or update consumer ${name} on ${stream}: ${(error as Error).message}`, { cause: error });
  }
}
