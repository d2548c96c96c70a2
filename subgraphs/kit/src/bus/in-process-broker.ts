/**
 * The embedded stand-in for a JetStream server: streams that keep every message, a duplicate window
 * per stream, and durable consumers with their own cursor and pending (unacked) set. It knows
 * nothing of envelopes or handlers; `in-process-bus.ts` is the client on top of it. Several bus
 * instances may share one broker, like several connections to one server (replicas in tests).
 */

export interface BrokerOptions {
  /** How long an event id is remembered for dedupe. Default 2 min (JetStream's default). */
  duplicateWindowMs?: number;
}

export interface StoredMessage {
  seq: number;
  subject: string;
  text: string;
}

export interface Delivery extends StoredMessage {
  deliveryCount: number;
}

export interface ConsumerConfig {
  filterSubject: string;
  startFrom: 'all' | 'new';
  maxDeliver: number;
}

interface StreamState {
  subjectPrefix: string;
  messages: StoredMessage[];
  /** msgId -> where and when it was stored, in insertion (= time) order. */
  seen: Map<string, { seq: number; at: number }>;
}

interface PendingState {
  deliveries: number;
  /** When it may be redelivered; null while a client holds it. */
  dueAt: number | null;
}

interface ConsumerState {
  stream: StreamState;
  config: ConsumerConfig;
  nextSeq: number;
  pending: Map<number, PendingState>;
  waiters: Set<() => void>;
}

export class InProcessBroker {
  readonly #streams = new Map<string, StreamState>();
  readonly #consumers = new Map<string, ConsumerState>();
  readonly #duplicateWindowMs: number;
  /** Non-durable listeners by exact subject (see `listen`). */
  readonly #listeners = new Map<string, Set<(text: string) => void>>();

  constructor(options: BrokerOptions = {}) {
    this.#duplicateWindowMs = options.duplicateWindowMs ?? 120_000;
  }

  ensureStream(name: string, subjectPrefix: string): void {
    const existing = this.#streams.get(name);
    if (existing && existing.subjectPrefix !== subjectPrefix) throw new Error(`stream ${name} already captures ${existing.subjectPrefix}>`);
    if (!existing) this.#streams.set(name, { subjectPrefix, messages: [], seen: new Map() });
  }

  hasStream(name: string): boolean {
    return this.#streams.has(name);
  }

  /** Stores a message unless `msgId` was stored within the duplicate window. */
  publish(streamName: string, subject: string, msgId: string, text: string): { duplicate: boolean; seq: number } {
    const stream = this.#stream(streamName);
    if (!subject.startsWith(stream.subjectPrefix)) throw new Error(`subject ${subject} is not captured by stream ${streamName}`);
    const now = Date.now();
    this.#forgetExpired(stream, now);
    const seen = stream.seen.get(msgId);
    if (seen) return { duplicate: true, seq: seen.seq };
    const seq = stream.messages.length + 1;
    stream.messages.push({ seq, subject, text });
    stream.seen.set(msgId, { seq, at: now });
    for (const consumer of this.#consumers.values()) {
      if (consumer.stream === stream && consumer.config.filterSubject === subject) wake(consumer);
    }
    for (const listener of this.#listeners.get(subject) ?? []) queueMicrotask(() => listener(text));
    return { duplicate: false, seq };
  }

  /** Like a NATS core subscription: `onMessage` gets every message stored on `subject` from now on. Returns the unsubscribe. */
  listen(subject: string, onMessage: (text: string) => void): () => void {
    let set = this.#listeners.get(subject);
    if (!set) this.#listeners.set(subject, (set = new Set()));
    const listener = (text: string) => {
      if (set.has(listener)) onMessage(text);
    };
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(subject) === set) this.#listeners.delete(subject);
    };
  }

  /** How many non-durable listeners exist (tests: nothing left behind). */
  listenerCount(): number {
    let count = 0;
    for (const set of this.#listeners.values()) count += set.size;
    return count;
  }

  /** Messages of a stream whose subject starts with `prefix`, in order. */
  read(streamName: string, prefix = ''): StoredMessage[] {
    const stream = this.#streams.get(streamName);
    return stream ? stream.messages.filter((message) => message.subject.startsWith(prefix)) : [];
  }

  /** Creates the durable consumer, or updates its limits (its filter and start are fixed). */
  ensureConsumer(streamName: string, name: string, config: ConsumerConfig): void {
    const stream = this.#stream(streamName);
    const existing = this.#consumers.get(`${streamName}/${name}`);
    if (existing) {
      if (existing.stream !== stream || existing.config.filterSubject !== config.filterSubject) {
        throw new Error(`consumer ${name} already exists with another stream or filter`);
      }
      existing.config = { ...existing.config, maxDeliver: config.maxDeliver };
      return;
    }
    const nextSeq = config.startFrom === 'all' ? 1 : stream.messages.length + 1;
    this.#consumers.set(`${streamName}/${name}`, { stream, config, nextSeq, pending: new Map(), waiters: new Set() });
  }

  /** Hands out the next due redelivery, else the next new message; undefined when there is none. */
  next(streamName: string, consumerName: string): Delivery | undefined {
    const consumer = this.#consumer(streamName, consumerName);
    const now = Date.now();
    for (const [seq, state] of consumer.pending) {
      if (state.dueAt !== null && state.dueAt <= now) return this.#hand(consumer, seq, state);
    }
    const { messages } = consumer.stream;
    while (consumer.nextSeq <= messages.length) {
      const message = messages[consumer.nextSeq - 1]!;
      consumer.nextSeq += 1;
      if (message.subject !== consumer.config.filterSubject) continue;
      const state: PendingState = { deliveries: 0, dueAt: null };
      consumer.pending.set(message.seq, state);
      return this.#hand(consumer, message.seq, state);
    }
    return undefined;
  }

  ack(streamName: string, consumerName: string, seq: number): void {
    this.#consumer(streamName, consumerName).pending.delete(seq);
  }

  /** Like JetStream's `term`: never redeliver. */
  term(streamName: string, consumerName: string, seq: number): void {
    this.#consumer(streamName, consumerName).pending.delete(seq);
  }

  /** Redeliver after `delayMs`, unless it has been delivered `maxDeliver` times already. */
  nak(streamName: string, consumerName: string, seq: number, delayMs: number): void {
    const consumer = this.#consumer(streamName, consumerName);
    const state = consumer.pending.get(seq);
    if (!state) return;
    if (state.deliveries >= consumer.config.maxDeliver) {
      consumer.pending.delete(seq);
      return;
    }
    state.dueAt = Date.now() + delayMs;
    wake(consumer);
  }

  /** Resolves when the consumer may have work: a publish, a nak, a redelivery falling due, or abort. */
  waitForWork(streamName: string, consumerName: string, signal: AbortSignal): Promise<void> {
    const consumer = this.#consumer(streamName, consumerName);
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        consumer.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      if (signal.aborted) return done();
      const dueAts = [...consumer.pending.values()].flatMap((state) => (state.dueAt === null ? [] : [state.dueAt]));
      if (dueAts.length > 0) timer = setTimeout(done, Math.max(0, Math.min(...dueAts) - Date.now()));
      consumer.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  #hand(consumer: ConsumerState, seq: number, state: PendingState): Delivery {
    state.deliveries += 1;
    state.dueAt = null;
    const message = consumer.stream.messages[seq - 1]!;
    return { ...message, deliveryCount: state.deliveries };
  }

  #forgetExpired(stream: StreamState, now: number): void {
    for (const [id, seen] of stream.seen) {
      if (now - seen.at < this.#duplicateWindowMs) break;
      stream.seen.delete(id);
    }
  }

  #stream(name: string): StreamState {
    const stream = this.#streams.get(name);
    if (!stream) throw new Error(`no stream ${name} (call ensureStreams first)`);
    return stream;
  }

  #consumer(streamName: string, name: string): ConsumerState {
    const consumer = this.#consumers.get(`${streamName}/${name}`);
    if (!consumer) throw new Error(`no consumer ${name} on stream ${streamName}`);
    return consumer;
  }
}

function wake(consumer: ConsumerState): void {
  for (const waiter of [...consumer.waiters]) waiter();
}
