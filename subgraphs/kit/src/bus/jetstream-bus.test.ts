import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createEvent } from '@drobble/schema/events';
import { normalizeSubscribeOptions } from './delivery.ts';
import { createJetStreamBus } from './jetstream-bus.ts';
import { watchMaxDeliveries } from './jetstream-dead-letters.ts';
import { ensureConsumer, serverTimers } from './jetstream-setup.ts';
import { consumerName, createNaming } from './naming.ts';
import { busAdapters, sleep, testLogger, waitFor, type BusHarness } from './test-harness.ts';

/** JetStream-only behaviour: what the server does when a client dies, and client recovery. */

const natsUrl = process.env.NATS_URL;
const natsServer = '/usr/sbin/nats-server';
const category = (name: string) =>
  createEvent('catalog.category.created.v1', { id: randomUUID(), name, slug: name.toLowerCase(), parentId: null }, { correlationId: 'test' });

describe('serverTimers', () => {
  it('give the server a longer timer than the client deadline, one entry fewer than maxDeliver', () => {
    const timers = serverTimers({ ackWaitMs: 1_000, backoffMs: [100, 500], maxDeliver: 5 });
    expect(timers.backoff?.map((ns) => ns / 1e6)).toEqual([2_100, 2_500]);
    expect(timers.ack_wait / 1e6).toBe(2_100);
    expect(serverTimers({ ackWaitMs: 1_000, backoffMs: [100, 500], maxDeliver: 2 }).backoff).toHaveLength(1);
    expect(serverTimers({ ackWaitMs: 1_000, backoffMs: [100], maxDeliver: 1 })).toEqual({ ack_wait: 2_100 * 1e6 });
  });
});

describe.skipIf(!natsUrl)('JetStream bus on a shared server', () => {
  const jetstream = busAdapters.find((adapter) => adapter.name === 'jetstream')!;
  let harness: BusHarness | undefined;
  afterEach(async () => harness?.cleanup());

  it('dead-letters a message whose consumer died on its last delivery (max-deliveries advisory)', async () => {
    harness = jetstream.create();
    const bus = await harness.open();
    const naming = createNaming(harness.namespace);
    await bus.ensureStreams(['catalog']);
    const subject = 'catalog.category.created.v1' as const;
    const stream = naming.streamOfSubject(subject);
    const name = consumerName('crashy', subject);
    const settings = normalizeSubscribeOptions({ durable: 'crashy', subjects: [subject], handler: async () => {}, maxDeliver: 2, ackWaitMs: 100, backoffMs: [0] });
    const nc = await connect({ servers: natsUrl });
    const jsm = await nc.jetstreamManager();
    await ensureConsumer(jsm, stream, name, naming.wire(subject), settings as never);
    const watch = watchMaxDeliveries({ nc, js: nc.jetstream(), jsm, naming, stream, consumer: name, durable: 'crashy', subject, logger: testLogger() });
    const event = category('Crashy');
    await bus.publish(subject, event);
    // A "client" that takes each delivery and dies before answering.
    const consumer = await nc.jetstream().consumers.get(stream, name);
    expect((await consumer.next({ expires: 5_000 }))?.info.deliveryCount).toBe(1);
    expect((await consumer.next({ expires: 5_000 }))?.info.deliveryCount).toBe(2);
    expect(await consumer.next({ expires: 2_000 })).toBeNull();
    await waitFor(async () => (await bus.deadLetters('crashy')).length === 1, 5_000, 'the dead letter');
    const [letter] = await bus.deadLetters('crashy');
    expect(letter).toMatchObject({ eventId: event.id, deliveryCount: 2, subject, event });
    expect(letter!.error).toMatch(/no ack after 2 deliveries/);
    watch.unsubscribe();
    await nc.close();
  }, 20_000);

  it('re-creates a consumer deleted under a running subscription', async () => {
    harness = jetstream.create();
    const bus = await harness.open();
    const seen: string[] = [];
    await bus.subscribe({ durable: 'phoenix', subjects: ['catalog.category.created.v1'], handler: async (event) => void seen.push(event.id) });
    const nc = await connect({ servers: natsUrl });
    const naming = createNaming(harness.namespace);
    await (await nc.jetstreamManager()).consumers.delete(naming.streamOfContext('catalog'), consumerName('phoenix', 'catalog.category.created.v1'));
    await nc.close();
    const event = category('Phoenix');
    await bus.publish('catalog.category.created.v1', event);
    // Deleted while no pull was pending, it is noticed by two missed idle heartbeats (~10 s).
    await waitFor(() => seen.length === 1, 30_000, 'delivery after re-creation');
    expect(seen).toEqual([event.id]);
  }, 40_000);
});

describe.skipIf(!natsUrl || !existsSync(natsServer))('JetStream bus across a broker restart (own nats-server)', () => {
  let server: ChildProcess | undefined;
  const storeDir = mkdtempSync(join(tmpdir(), 'drobble-nats-'));
  afterEach(() => {
    server?.kill('SIGKILL');
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('keeps consuming after the server restarts, without losing stored events', async () => {
    const port = await freePort();
    server = await startServer(port, storeDir);
    const bus = await createJetStreamBus({ natsUrl: `nats://127.0.0.1:${port}`, logger: testLogger() });
    const seen: string[] = [];
    await bus.subscribe({ durable: 'survivor', subjects: ['catalog.category.created.v1'], handler: async (event) => void seen.push(event.id) });
    const before = category('Before');
    await bus.publish('catalog.category.created.v1', before);
    await waitFor(() => seen.length === 1);
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
    server = await startServer(port, storeDir);
    const after = category('After');
    await waitFor(async () => bus.publish('catalog.category.created.v1', after).then(() => true, () => false), 15_000, 'publish after restart');
    await waitFor(() => seen.length === 2, 20_000, 'delivery after restart');
    expect(seen).toEqual([before.id, after.id]);
    await bus.close();
  }, 60_000);
});

async function startServer(port: number, storeDir: string): Promise<ChildProcess> {
  const child = spawn(natsServer, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
  await waitFor(async () => connect({ servers: `127.0.0.1:${port}`, reconnect: false }).then((nc) => nc.close().then(() => true), () => false), 10_000, 'nats-server');
  await sleep(200);
  return child;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}
