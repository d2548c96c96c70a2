import { parseEvent, type Context, type Subject } from '@drobble/schema/events';
import type { Logger } from '../logger.ts';
import { deadLetterId, deadLetterOf, deliver, normalizeSubscribeOptions, orderingKey, type ConsumerSettings } from './delivery.ts';
import { KeyedLimiter } from './keyed-limiter.ts';
import type { DeadLetter, EventBus, Subscription } from './event-bus.ts';
import { InProcessBroker, type Delivery } from './in-process-broker.ts';
import { listenerDelivery } from './listen.ts';
import { consumerName, contextsOf, createNaming, type Naming } from './naming.ts';

export interface InProcessBusOptions {
  logger: Logger;
  /** Prefix for every stream and subject (see naming.ts). */
  namespace?: string;
  /** Share one broker between bus instances (replicas in tests); a fresh one by default. */
  broker?: InProcessBroker;
  /** Dedupe window of a fresh broker. Default 2 min. */
  duplicateWindowMs?: number;
  /** Cap on every subscription's concurrency.limit (1: every subscription one event at a time). */
  maxConcurrency?: number;
}

/** The embedded event bus: JetStream's semantics in memory, for `npm start` without NATS. */
export function createInProcessBus(options: InProcessBusOptions): EventBus {
  const naming = createNaming(options.namespace);
  const broker = options.broker ?? new InProcessBroker({ duplicateWindowMs: options.duplicateWindowMs });
  const logger = options.logger;
  const running = new Set<Subscription>();
  const listeners = new Set<() => void>();
  let closed = false;
  let closing: Promise<void> | undefined;

  const assertOpen = () => {
    if (closed) throw new Error('event bus is closed');
  };
  const ensureStreams = async (contexts: readonly Context[]) => {
    for (const context of contexts) broker.ensureStream(naming.streamOfContext(context), prefixOf(naming.contextFilter(context)));
    broker.ensureStream(naming.dlqStream, prefixOf(naming.dlqFilter()));
  };

  return {
    async publish(subject, event) {
      assertOpen();
      const valid = parseEvent(subject, event);
      await ensureStreams(contextsOf([subject]));
      const { duplicate } = broker.publish(naming.streamOfSubject(subject), naming.wire(subject), valid.id, JSON.stringify(valid));
      return { duplicate };
    },
    async subscribe(subscribeOptions) {
      assertOpen();
      const settings = normalizeSubscribeOptions(subscribeOptions, options.maxConcurrency) as unknown as ConsumerSettings;
      await ensureStreams(contextsOf(settings.subjects));
      const subscription = startSubscription({ broker, naming, settings, logger });
      running.add(subscription);
      return {
        durable: subscription.durable,
        stop: async () => {
          running.delete(subscription);
          await subscription.stop();
        },
      };
    },
    async listen(subjects, handler) {
      assertOpen();
      const stops = subjects.map((subject) => broker.listen(naming.wire(subject), listenerDelivery(subject, handler, logger)));
      const stop = () => {
        for (const unlisten of stops.splice(0)) unlisten();
      };
      listeners.add(stop);
      return { stop: () => (listeners.delete(stop), stop()) };
    },
    ensureStreams,
    async deadLetters(durable) {
      return broker.read(naming.dlqStream, prefixOf(naming.dlqFilter(durable))).map((message) => JSON.parse(message.text) as DeadLetter);
    },
    async ping() {
      assertOpen();
    },
    close() {
      closed = true;
      for (const stop of listeners) stop();
      listeners.clear();
      closing ??= Promise.all([...running].map((subscription) => subscription.stop())).then(() => running.clear());
      return closing;
    },
  };
}

/** `ns.catalog.>` -> `ns.catalog.` */
const prefixOf = (filter: string) => filter.slice(0, -1);

interface SubscriptionContext {
  broker: InProcessBroker;
  naming: Naming;
  settings: ConsumerSettings;
  logger: Logger;
}

function startSubscription(context: SubscriptionContext): Subscription {
  const { broker, naming, settings } = context;
  const stopping = new AbortController();
  const loops = settings.subjects.map((subject) => {
    const stream = naming.streamOfSubject(subject);
    const name = consumerName(settings.durable, subject);
    const filterSubject = naming.wire(subject);
    broker.ensureConsumer(stream, name, { filterSubject, startFrom: settings.startFrom, maxDeliver: settings.maxDeliver });
    return consumeLoop(context, subject, stream, name, stopping.signal);
  });
  return {
    durable: settings.durable,
    async stop() {
      stopping.abort();
      await Promise.all(loops);
    },
  };
}

/**
 * Per (durable, subject), like a JetStream pull consumer loop: one message at a time, or up to
 * `concurrency.limit` at once with same-key messages in order. Stopping lets in-flight ones finish.
 */
async function consumeLoop(context: SubscriptionContext, subject: Subject, stream: string, name: string, signal: AbortSignal): Promise<void> {
  const { broker, settings, logger } = context;
  const limiter = new KeyedLimiter(settings.concurrency.limit, (error) => logger.error({ err: error, durable: settings.durable, subject }, 'in-process delivery failed'));
  // Start on a later tick, as a network consumer would: subscribe() returns before the first delivery.
  await Promise.resolve();
  while (!signal.aborted) {
    await limiter.waitForRoom();
    if (signal.aborted) break;
    const delivery = broker.next(stream, name);
    if (!delivery) {
      await broker.waitForWork(stream, name, signal);
      continue;
    }
    await limiter.admit(orderingKey(settings, delivery.text), async () => {
      try {
        await handleDelivery(context, subject, stream, name, delivery);
      } catch (error) {
        broker.nak(stream, name, delivery.seq, 1_000);
        throw error;
      }
    });
  }
  await limiter.drain();
}

async function handleDelivery(context: SubscriptionContext, subject: Subject, stream: string, name: string, delivery: Delivery): Promise<void> {
  const { broker, naming, settings } = context;
  const outcome = await deliver(settings, { subject, text: delivery.text, deliveryCount: delivery.deliveryCount }, context.logger);
  if (outcome.kind === 'ack') return broker.ack(stream, name, delivery.seq);
  if (outcome.kind === 'retry') return broker.nak(stream, name, delivery.seq, outcome.delayMs);
  const letter = deadLetterOf(settings.durable, subject, delivery.text, outcome.error, delivery.deliveryCount);
  broker.publish(naming.dlqStream, naming.dlqSubject(settings.durable, subject), deadLetterId(stream, delivery.seq, name), JSON.stringify(letter));
  broker.term(stream, name, delivery.seq);
}
