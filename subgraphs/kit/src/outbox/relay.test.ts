import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../bus/event-bus.ts';
import { busAdapters, sleep, testLogger, waitFor, type BusHarness } from '../bus/test-harness.ts';
import { FakeDatabase, type FakePrisma } from './fake-prisma.ts';
import { recordEvent } from './record-event.ts';
import { startOutboxRelay, type OutboxRelay } from './relay.ts';

const logger = testLogger();
const meta = { correlationId: 'req-1' };

/** One committed unit of work: a domain row and its outbox row. */
function placeCategory(prisma: FakePrisma, name: string) {
  return prisma.$transaction(async (tx) => {
    await tx.thing.create({ data: { name } });
    return recordEvent(tx, 'catalog.category.created.v1', { id: randomUUID(), name, slug: name.toLowerCase(), parentId: null }, meta);
  });
}

describe('recordEvent', () => {
  it('inserts the validated envelope with the domain write', async () => {
    const db = new FakeDatabase();
    const event = await placeCategory(db.client(), 'Mugs');
    expect(db.tables.things).toEqual(['Mugs']);
    expect(db.rows()).toEqual([expect.objectContaining({ id: event.id, subject: 'catalog.category.created.v1', envelope: event, publishedAt: null, attempts: 0 })]);
  });

  it('rolls back with the transaction', async () => {
    const db = new FakeDatabase();
    const failing = db.client().$transaction(async (tx) => {
      await recordEvent(tx, 'catalog.category.created.v1', { id: randomUUID(), name: 'Gone', slug: 'gone', parentId: null }, meta);
      throw new Error('domain rule broken');
    });
    await expect(failing).rejects.toThrow('domain rule broken');
    expect(db.rows()).toEqual([]);
  });

  it('throws on an invalid payload and writes nothing', async () => {
    const db = new FakeDatabase();
    const invalid = db.client().$transaction((tx) =>
      recordEvent(tx, 'catalog.category.created.v1', { id: 'nope', name: '', slug: 'x', parentId: null }, meta),
    );
    await expect(invalid).rejects.toThrow(/invalid event/);
    expect(db.rows()).toEqual([]);
  });

  it('orders rows recorded in one transaction', async () => {
    const db = new FakeDatabase();
    await db.client().$transaction(async (tx) => {
      for (const name of ['A', 'B', 'C']) await recordEvent(tx, 'catalog.category.created.v1', { id: randomUUID(), name, slug: name, parentId: null }, meta);
    });
    const times = db.rows().map((row) => row.createdAt.getTime());
    expect(times[0]! < times[1]! && times[1]! < times[2]!).toBe(true);
  });
});

describe.each(busAdapters)('outbox relay over the $name bus', (adapter) => {
  let harness: BusHarness;
  let bus: EventBus;
  let db: FakeDatabase;
  const relays: OutboxRelay[] = [];
  const received: string[] = [];

  const relay = (options: { pollMs?: number; onBus?: EventBus; batchSize?: number } = {}) => {
    const started = startOutboxRelay({ prisma: db.client(), bus: options.onBus ?? bus, logger, pollMs: options.pollMs ?? 20, batchSize: options.batchSize });
    relays.push(started);
    return started;
  };

  beforeEach(async (context) => {
    if (adapter.skip) context.skip(adapter.skip);
    harness = adapter.create();
    bus = await harness.open();
    db = new FakeDatabase();
    received.length = 0;
    await bus.subscribe({ durable: 'probe', subjects: ['catalog.category.created.v1'], handler: async (event) => void received.push(event.id) });
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((started) => started.stop()));
    await harness?.cleanup();
  });

  const published = () => db.rows().filter((row) => row.publishedAt !== null).length;

  it('publishes rows committed while no relay ran (crash between commit and publish)', async () => {
    const event = await placeCategory(db.client(), 'Orphan');
    await sleep(50);
    expect(received).toEqual([]);
    relay();
    await waitFor(() => received.length === 1 && published() === 1);
    expect(received).toEqual([event.id]);
  });

  it('republishes a row published but never marked (crash between publish and mark); the bus drops the copy', async () => {
    const event = await placeCategory(db.client(), 'Twice');
    let crashes = 0;
    db.hooks.beforeMarkPublished = () => {
      crashes += 1;
      throw new Error('process died');
    };
    const first = relay({ pollMs: 60_000 });
    await waitFor(() => crashes === 1 && received.length === 1);
    await first.stop();
    db.hooks = {};
    const restarted = relay({ onBus: await harness.open() });
    await restarted.publishPending();
    await waitFor(() => published() === 1);
    await sleep(150);
    expect(received).toEqual([event.id]);
    expect(db.rows()[0]!.attempts).toBe(2);
  });

  it('keeps a row when publishing fails and publishes it, in order, once the bus is back', async () => {
    let down = true;
    const flaky: EventBus = { ...bus, publish: async (subject, event) => (down ? Promise.reject(new Error('no responders')) : bus.publish(subject, event)) };
    const events = [await placeCategory(db.client(), 'One'), await placeCategory(db.client(), 'Two')];
    relay({ onBus: flaky });
    await sleep(100);
    expect(published()).toBe(0);
    down = false;
    await waitFor(() => received.length === 2);
    expect(received).toEqual(events.map((event) => event.id));
  });

  it('lets replicas share the outbox without losing events or their order', async () => {
    const events = [];
    for (let index = 0; index < 30; index++) events.push(await placeCategory(db.client(), `R${index}`));
    relay({ batchSize: 7 });
    relay({ batchSize: 7, onBus: await harness.open() });
    await waitFor(() => published() === 30 && received.length === 30);
    await sleep(100);
    expect(received).toEqual(events.map((event) => event.id));
  });

  it('publishes at once when nudged, without waiting for the poll', async () => {
    const started = relay({ pollMs: 60_000 });
    await sleep(30);
    const event = await placeCategory(db.client(), 'Nudged');
    started.nudge();
    await waitFor(() => received.length === 1, 2_000);
    expect(received).toEqual([event.id]);
  });

  it('skips a poison row without holding back the rows behind it', async () => {
    await db.client().$transaction(async (tx) => {
      await tx.outboxEvent.create({ data: { id: randomUUID(), subject: 'catalog.category.created.v1', envelope: { bogus: true }, createdAt: new Date(0) } });
    });
    const event = await placeCategory(db.client(), 'Healthy');
    relay();
    await waitFor(() => received.length === 1);
    expect(received).toEqual([event.id]);
    expect(published()).toBe(1);
  });

  it('stop() waits for the row being published, and marks it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let publishing = false;
    const slow: EventBus = { ...bus, publish: async (subject, event) => ((publishing = true), await gate, bus.publish(subject, event)) };
    await placeCategory(db.client(), 'Slow');
    await placeCategory(db.client(), 'Behind');
    const started = relay({ onBus: slow });
    await waitFor(() => publishing);
    let stopped = false;
    const stopping = started.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(published()).toBe(1);
    await waitFor(() => received.length === 1);
  });
});
