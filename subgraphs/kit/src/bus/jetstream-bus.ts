import { connect, type JetStreamClient, type JetStreamManager, type NatsConnection, type Subscription as NatsSubscription } from 'nats';
import { contextOf, parseEvent, type Context, type Subject } from '@drobble/schema/events';
import type { Logger } from '../logger.ts';
import { normalizeSubscribeOptions, type ConsumerSettings } from './delivery.ts';
import type { EventBus, Subscription } from './event-bus.ts';
import { startConsumerLoop, type ConsumerLoop } from './jetstream-consumer.ts';
import { listenerDelivery } from './listen.ts';
import { publishDeadLetter, readDeadLetters, watchMaxDeliveries } from './jetstream-dead-letters.ts';
import { ensureConsumer, ensureStream, type StreamLimits } from './jetstream-setup.ts';
import { consumerName, contextsOf, createNaming, type Naming } from './naming.ts';

export interface JetStreamBusOptions extends Partial<StreamLimits> {
  natsUrl: string;
  logger: Logger;
  /** Prefix for every stream and subject (see naming.ts). */
  namespace?: string;
  /** Connection name shown by the server (`nats server report connections`). */
  connectionName?: string;
  /** Messages each consumer pulls ahead of its handler. Default 8. */
  batch?: number;
  /** Cap on every subscription's concurrency.limit (1: every subscription one event at a time). */
  maxConcurrency?: number;
}

interface BusState {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  naming: Naming;
  limits: StreamLimits;
  logger: Logger;
  batch: number;
  /** Contexts whose stream this connection already made sure of. */
  ensured: Set<string>;
}

const encoder = new TextEncoder();

/** The event bus on NATS JetStream (nats-server 2.9.10 or later). */
export async function createJetStreamBus(options: JetStreamBusOptions): Promise<EventBus> {
  const nc = await connect({ servers: options.natsUrl, name: options.connectionName, maxReconnectAttempts: -1, reconnectTimeWait: 1_000 });
  const state: BusState = {
    nc,
    js: nc.jetstream(),
    jsm: await nc.jetstreamManager(),
    naming: createNaming(options.namespace),
    limits: { duplicateWindowMs: options.duplicateWindowMs ?? 120_000, maxAgeMs: options.maxAgeMs ?? 0, replicas: options.replicas ?? 1 },
    logger: options.logger,
    batch: options.batch ?? 8,
    ensured: new Set(),
  };
  void logConnectionStatus(state);
  const running = new Set<Subscription>();
  let closing: Promise<void> | undefined;

  return {
    publish: (subject, event) => publish(state, subject, event),
    async subscribe(subscribeOptions) {
      const settings = normalizeSubscribeOptions(subscribeOptions, options.maxConcurrency) as unknown as ConsumerSettings;
      const subscription = await subscribe(state, settings);
      running.add(subscription);
      return { durable: subscription.durable, stop: () => (running.delete(subscription), subscription.stop()) };
    },
    async listen(subjects, handler) {
      // A core NATS subscription sees every message published on the subject (JetStream stores
      // the same publish), on every connection: per-replica fan-out with no server-side state.
      const subscriptions = subjects.map((subject) => {
        const deliver = listenerDelivery(subject, handler, state.logger);
        return nc.subscribe(state.naming.wire(subject), { callback: (error, message) => error || deliver(message.string()) });
      });
      await nc.flush();
      return { stop: () => subscriptions.forEach((subscription) => subscription.isClosed() || subscription.unsubscribe()) };
    },
    ensureStreams: (contexts) => ensureStreams(state, contexts),
    deadLetters: (durable) => readDeadLetters(state.js, state.jsm, state.naming, durable),
    async ping() {
      if (nc.isClosed()) throw new Error('NATS connection is closed');
      await state.jsm.getAccountInfo();
    },
    close() {
      closing ??= (async () => {
        await Promise.all([...running].map((subscription) => subscription.stop()));
        running.clear();
        // drain() flushes pending publishes and acks; do not hang on a server that is gone.
        const timeout = setTimeout(() => void nc.close(), 10_000);
        await nc.drain().catch((error: unknown) => state.logger.warn({ err: error }, 'NATS drain failed'));
        clearTimeout(timeout);
      })();
      return closing;
    },
  };
}

async function ensureStreams(state: BusState, contexts: readonly Context[], force = false): Promise<void> {
  const { jsm, naming, limits } = state;
  for (const context of [...contexts, 'dlq']) {
    if (state.ensured.has(context) && !force) continue;
    if (context === 'dlq') await ensureStream(jsm, naming.dlqStream, naming.dlqFilter(), limits);
    else await ensureStream(jsm, naming.streamOfContext(context as Context), naming.contextFilter(context as Context), limits);
    state.ensured.add(context);
  }
}

async function publish(state: BusState, subject: Subject, event: unknown) {
  const valid = parseEvent(subject, event);
  const data = encoder.encode(JSON.stringify(valid));
  const send = () =>
    state.js.publish(state.naming.wire(subject), data, { msgID: valid.id, expect: { streamName: state.naming.streamOfSubject(subject) } });
  await ensureStreams(state, [contextOf(subject)]);
  try {
    return { duplicate: (await send()).duplicate };
  } catch (error) {
    // 503: nobody stores this subject, i.e. the stream was deleted under us. Re-create once.
    if ((error as { code?: string }).code !== '503') throw error;
    await ensureStreams(state, [contextOf(subject)], true);
    return { duplicate: (await send()).duplicate };
  }
}

async function subscribe(state: BusState, settings: ConsumerSettings): Promise<Subscription> {
  await ensureStreams(state, contextsOf(settings.subjects));
  const loops: ConsumerLoop[] = [];
  const advisories: NatsSubscription[] = [];
  for (const subject of settings.subjects) {
    const stream = state.naming.streamOfSubject(subject);
    const name = consumerName(settings.durable, subject);
    const ensure = async () => {
      await ensureStreams(state, contextsOf([subject]), true);
      await ensureConsumer(state.jsm, stream, name, state.naming.wire(subject), settings);
    };
    await ensureConsumer(state.jsm, stream, name, state.naming.wire(subject), settings);
    const { nc, js, jsm, naming, logger } = state;
    advisories.push(watchMaxDeliveries({ nc, js, jsm, naming, stream, consumer: name, durable: settings.durable, subject, logger }));
    const publishLetter = (letter: Parameters<typeof publishDeadLetter>[2], msgId: string) => publishDeadLetter(js, naming, letter, msgId);
    loops.push(startConsumerLoop({ js, stream, name, subject, settings, logger, batch: state.batch, ensure, publishDeadLetter: publishLetter }));
  }
  return {
    durable: settings.durable,
    async stop() {
      await Promise.all(loops.map((loop) => loop.stop()));
      for (const advisory of advisories) advisory.unsubscribe();
    },
  };
}

async function logConnectionStatus(state: BusState): Promise<void> {
  for await (const status of state.nc.status()) {
    const level = status.type === 'disconnect' || status.type === 'error' ? 'warn' : 'info';
    state.logger[level]({ nats: status.type, data: String(status.data) }, 'NATS connection status');
  }
}
