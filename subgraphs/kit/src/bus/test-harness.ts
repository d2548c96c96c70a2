import { randomUUID } from 'node:crypto';
import { connect } from 'nats';
import type { Subject } from '@drobble/schema/events';
import { createLogger, type Logger } from '../logger.ts';
import type { EventBus } from './event-bus.ts';
import { InProcessBroker } from './in-process-broker.ts';
import { createInProcessBus } from './in-process-bus.ts';
import { createJetStreamBus } from './jetstream-bus.ts';
import { createNaming } from './naming.ts';

/**
 * Test support shared by the bus contract suite and the outbox tests: one backend (a broker, or a
 * namespace on a NATS server) per test, and as many bus instances on it as the test needs
 * (restarts, replicas). Not imported by production code.
 */
export interface BusHarness {
  readonly namespace: string;
  /** A new bus on the same backend, like another process connecting to the same server. */
  open(): Promise<EventBus>;
  /** Stores raw text on a subject, bypassing publish-side validation (poison messages). */
  injectRaw(subject: Subject, text: string): Promise<void>;
  /** Closes every bus it opened and deletes what it created on the server. */
  cleanup(): Promise<void>;
}

export interface BusAdapter {
  name: 'in-process' | 'jetstream';
  /** Why the adapter is skipped here, if it is. */
  skip: string | false;
  create(logger?: Logger): BusHarness;
}

export const testLogger = () => createLogger('bus-test', process.env.TEST_LOG_LEVEL ?? 'silent');

const uniqueNamespace = () => `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;

function inProcessHarness(logger = testLogger()): BusHarness {
  const namespace = uniqueNamespace();
  const broker = new InProcessBroker();
  const naming = createNaming(namespace);
  const buses: EventBus[] = [];
  return {
    namespace,
    async open() {
      const bus = createInProcessBus({ logger, namespace, broker });
      buses.push(bus);
      return bus;
    },
    async injectRaw(subject, text) {
      const bus = await this.open();
      await bus.ensureStreams([subject.split('.')[0] as never]);
      broker.publish(naming.streamOfSubject(subject), naming.wire(subject), randomUUID(), text);
    },
    async cleanup() {
      await Promise.all(buses.map((bus) => bus.close()));
    },
  };
}

function jetStreamHarness(natsUrl: string, logger = testLogger()): BusHarness {
  const namespace = uniqueNamespace();
  const naming = createNaming(namespace);
  const buses: EventBus[] = [];
  return {
    namespace,
    async open() {
      const bus = await createJetStreamBus({ natsUrl, logger, namespace, connectionName: `bus-test-${namespace}` });
      buses.push(bus);
      return bus;
    },
    async injectRaw(subject, text) {
      const bus = await this.open();
      await bus.ensureStreams([subject.split('.')[0] as never]);
      const nc = await connect({ servers: natsUrl });
      await nc.jetstream().publish(naming.wire(subject), new TextEncoder().encode(text), { msgID: randomUUID() });
      await nc.close();
    },
    async cleanup() {
      await Promise.all(buses.map((bus) => bus.close()));
      await deleteBusNamespace(natsUrl, namespace);
    },
  };
}

/** Deletes every stream (with its consumers and dead letters) of a bus namespace on a NATS server. */
export async function deleteBusNamespace(natsUrl: string, namespace: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${namespace}_`)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}

const natsUrl = process.env.NATS_URL;

export const busAdapters: BusAdapter[] = [
  { name: 'in-process', skip: false, create: (logger) => inProcessHarness(logger) },
  {
    name: 'jetstream',
    skip: natsUrl ? false : 'NATS_URL is not set',
    create: (logger) => jetStreamHarness(natsUrl!, logger),
  },
];

/** Polls until `check` returns true (or throws after `timeoutMs`). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
