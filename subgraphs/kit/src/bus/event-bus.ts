import type { Context, EventOf, Subject } from '@drobble/schema/events';

/**
 * The event bus port. Two adapters implement it with the same semantics (one contract test suite
 * runs over both): `jetstream-bus.ts` (NATS JetStream) and `in-process-bus.ts` (the embedded default).
 *
 * - One stream per bounded context holds `<context>.>`; a publish is stored before it resolves.
 * - Publishing is idempotent by envelope id within the duplicate window (JetStream `Nats-Msg-Id`).
 * - A subscription is a durable consumer per (durable, subject): it survives restarts, and a durable
 *   created after events were stored still receives them (unless `startFrom: 'new'`).
 * - Every delivery is validated with `parseEvent` before the handler runs; an invalid one is poison
 *   and goes straight to the dead-letter subject.
 * - The handler's success acks the message. A throw (or running past `ackWaitMs`) redelivers it
 *   after `backoffMs[deliveryCount - 1]` (the last entry repeats); the `maxDeliver`-th failure
 *   publishes a dead letter on `dlq.<durable>.<subject>` and terminates the message.
 * - Messages of one subject reach one durable in publish order (while none fail); across subjects,
 *   or once a message is being retried, there is no order: handlers are idempotent (see outbox/inbox).
 *   A subscription with `concurrency` handles several events at once and keeps that order only
 *   among events with the same key.
 */
export interface EventBus {
  /** Stores the event on its context's stream. Resolves once stored (or recognised as a duplicate). */
  publish<S extends Subject>(subject: S, event: EventOf<S>): Promise<PublishResult>;
  /** Creates or updates the durable consumers, then delivers until `stop()` or `close()`. */
  subscribe<S extends Subject>(options: SubscribeOptions<S>): Promise<Subscription>;
  /**
   * Non-durable fan-out for live views (GraphQL subscriptions): every listener on every connection
   * (each gateway replica) gets each event published from now on, at most once, without ack or
   * redelivery. Invalid messages are dropped. One NATS core subscription per subject; `stop()` removes it.
   */
  listen<S extends Subject>(subjects: readonly S[], handler: ListenHandler<S>): Promise<Listener>;
  /** Creates the streams of these contexts (and the dead-letter stream) when missing. Idempotent. */
  ensureStreams(contexts: readonly Context[]): Promise<void>;
  /** Dead letters recorded for a durable (all durables when omitted), oldest first. For tests and ops. */
  deadLetters(durable?: string): Promise<DeadLetter[]>;
  /** Throws when the bus cannot serve (readiness probe). */
  ping(): Promise<void>;
  /** Stops every subscription (in-flight handlers finish and ack), then closes the connection. */
  close(): Promise<void>;
}

export interface PublishResult {
  /** True when an event with this id was already stored within the duplicate window (nothing stored). */
  duplicate: boolean;
}

export interface DeliveryMeta<S extends Subject = Subject> {
  /** The subject the event arrived on (narrows a multi-subject handler). */
  subject: S;
  /** 1 on the first delivery, 2 on the first redelivery, ... */
  deliveryCount: number;
  /** Aborted when the handler runs past `ackWaitMs` (the delivery then counts as failed). */
  signal: AbortSignal;
}

/** Resolving acks the delivery (the value is ignored); throwing or rejecting fails it. */
export type EventHandler<S extends Subject> = (event: EventOf<S>, meta: DeliveryMeta<S>) => Promise<unknown>;

export interface SubscribeOptions<S extends Subject> {
  /** Consumer name, unique per consuming use case, e.g. `search-product-indexer`. [A-Za-z0-9_-] only. */
  durable: string;
  subjects: readonly S[];
  handler: EventHandler<S>;
  /** Deliveries before the message becomes a dead letter (>= 1). Default 5. */
  maxDeliver?: number;
  /** Delay before redelivery n+1 after failed delivery n: `backoffMs[n - 1]`, last entry repeats. */
  backoffMs?: readonly number[];
  /** How long a handler may run before its delivery counts as failed. Default 30 s. */
  ackWaitMs?: number;
  /** Where a brand-new durable starts: every stored event (default) or only events published from now on. */
  startFrom?: 'all' | 'new';
  /**
   * Handle up to `limit` events of each subject at once (default: one at a time). Events with the
   * same `key` (for example the order id of a saga step) still run one after another, in delivery
   * order. `key` sees the envelope before validation: return '' when it has no key.
   */
  concurrency?: { limit: number; key(event: EventOf<S>): string };
}

/** Called synchronously per event; must not throw (a throw is logged and ignored). */
export type ListenHandler<S extends Subject> = (event: EventOf<S>, subject: S) => void;

export interface Listener {
  /** Unsubscribes at once; no handler call after it returns. Idempotent. */
  stop(): void;
}

export interface Subscription {
  readonly durable: string;
  /** Stops fetching, lets the in-flight handler finish (and ack), then resolves. The durable stays. */
  stop(): Promise<void>;
}

/** What the dead-letter subject carries. */
export interface DeadLetter {
  /** The durable that gave up. */
  durable: string;
  /** The subject the event was published on. */
  subject: string;
  /** The envelope id, when the message was readable enough to have one. */
  eventId: string | null;
  error: string;
  deliveryCount: number;
  /** ISO-8601 UTC. */
  deadAt: string;
  /** The message as received: the parsed JSON, or the raw text when it was not JSON. */
  event: unknown;
}

export const subscribeDefaults = {
  maxDeliver: 5,
  backoffMs: [1_000, 5_000, 30_000, 120_000],
  ackWaitMs: 30_000,
  startFrom: 'all',
} as const;
