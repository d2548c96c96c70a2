import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, type EventOf } from '@drobble/schema/events';
import type { DeliveryMeta, EventBus } from './event-bus.ts';
import { busAdapters, sleep, waitFor, type BusHarness } from './test-harness.ts';

const category = (name: string) =>
  createEvent('catalog.category.created.v1', { id: randomUUID(), name, slug: name.toLowerCase(), parentId: null }, { correlationId: `test-${name}` });
const failed = (email: string) => createEvent('identity.login.failed.v1', { email, reason: 'INVALID_CREDENTIALS' }, { correlationId: 'test' });

type Category = EventOf<'catalog.category.created.v1'>;

describe.each(busAdapters)('EventBus contract: $name', (adapter) => {
  let harness: BusHarness;
  let bus: EventBus;

  beforeEach(async (context) => {
    if (adapter.skip) context.skip(adapter.skip);
    harness = adapter.create();
    bus = await harness.open();
  });
  afterEach(async () => {
    await harness?.cleanup();
  });

  /** Subscribes a recorder; `behave` decides per delivery (default: succeed). */
  async function record(onBus: EventBus, durable: string, behave?: (event: Category, meta: DeliveryMeta) => Promise<void>, options = {}) {
    const seen: { event: Category; meta: DeliveryMeta; at: number }[] = [];
    const subscription = await onBus.subscribe({
      durable,
      subjects: ['catalog.category.created.v1'],
      ackWaitMs: 2_000,
      backoffMs: [50],
      ...options,
      handler: async (event, meta) => {
        seen.push({ event, meta, at: Date.now() });
        await behave?.(event, meta);
      },
    });
    return { seen, subscription };
  }

  it('delivers a published event, validated and typed, to a subscriber', async () => {
    const { seen } = await record(bus, 'reader');
    const event = category('Mugs');
    await expect(bus.publish('catalog.category.created.v1', event)).resolves.toEqual({ duplicate: false });
    await waitFor(() => seen.length === 1);
    expect(seen[0]!.event).toEqual(event);
    expect(seen[0]!.meta).toMatchObject({ subject: 'catalog.category.created.v1', deliveryCount: 1 });
  });

  it('refuses to publish an envelope that does not match the subject', async () => {
    const wrong = { ...category('Mugs'), data: { name: 'no id' } } as unknown as Category;
    await expect(bus.publish('catalog.category.created.v1', wrong)).rejects.toThrow(/invalid event/);
  });

  it('gives a durable consumer the events published before it subscribed', async () => {
    const events = [category('A'), category('B'), category('C')];
    for (const event of events) await bus.publish('catalog.category.created.v1', event);
    const { seen } = await record(bus, 'late-reader');
    await waitFor(() => seen.length === 3);
    expect(seen.map((entry) => entry.event.id)).toEqual(events.map((event) => event.id));
  });

  it('starts a new durable at the end of the stream with startFrom: new', async () => {
    await bus.publish('catalog.category.created.v1', category('Old'));
    const { seen } = await record(bus, 'tail-reader', undefined, { startFrom: 'new' });
    const fresh = category('New');
    await bus.publish('catalog.category.created.v1', fresh);
    await waitFor(() => seen.length === 1);
    await sleep(100);
    expect(seen.map((entry) => entry.event.id)).toEqual([fresh.id]);
  });

  it('acks explicitly: a restarted durable resumes after the last acked event', async () => {
    const first = await record(bus, 'resumer');
    await bus.publish('catalog.category.created.v1', category('One'));
    await waitFor(() => first.seen.length === 1);
    await first.subscription.stop();
    const two = category('Two');
    await bus.publish('catalog.category.created.v1', two);
    const restarted = await record(await harness.open(), 'resumer');
    await waitFor(() => restarted.seen.length === 1);
    await sleep(150);
    expect(restarted.seen.map((entry) => entry.event.id)).toEqual([two.id]);
  });

  it('redelivers after a throw, waiting the backoff between attempts', async () => {
    const behave = async (_event: Category, meta: DeliveryMeta) => {
      if (meta.deliveryCount < 3) throw new Error(`flaky ${meta.deliveryCount}`);
    };
    const { seen } = await record(bus, 'retrier', behave, { backoffMs: [150, 300], maxDeliver: 5 });
    await bus.publish('catalog.category.created.v1', category('Flaky'));
    await waitFor(() => seen.length === 3);
    await sleep(150);
    expect(seen.map((entry) => entry.meta.deliveryCount)).toEqual([1, 2, 3]);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(140);
    expect(seen[2]!.at - seen[1]!.at).toBeGreaterThanOrEqual(290);
    expect(await bus.deadLetters('retrier')).toEqual([]);
  });

  it('treats a handler running past ackWaitMs as failed, aborting its signal', async () => {
    const aborted: boolean[] = [];
    const behave = async (_event: Category, meta: DeliveryMeta) => {
      if (meta.deliveryCount > 1) return;
      await new Promise<void>((resolve) => meta.signal.addEventListener('abort', () => resolve()));
      aborted.push(meta.signal.aborted);
    };
    const { seen } = await record(bus, 'slowpoke', behave, { ackWaitMs: 200, backoffMs: [0] });
    await bus.publish('catalog.category.created.v1', category('Slow'));
    await waitFor(() => seen.length === 2);
    expect(aborted).toEqual([true]);
  });

  it('dead-letters after maxDeliver failures and stops redelivering', async () => {
    const { seen } = await record(bus, 'doomed', async () => {
      throw new Error('boom');
    }, { maxDeliver: 2 });
    const event = category('Doomed');
    await bus.publish('catalog.category.created.v1', event);
    await waitFor(async () => (await bus.deadLetters('doomed')).length === 1);
    const [letter] = await bus.deadLetters('doomed');
    expect(letter).toMatchObject({ durable: 'doomed', subject: 'catalog.category.created.v1', eventId: event.id, deliveryCount: 2, event });
    expect(letter!.error).toMatch(/boom/);
    await sleep(300);
    expect(seen).toHaveLength(2);
    expect(await bus.deadLetters('someone-else')).toEqual([]);
  });

  it('dead-letters a poison message at once, without calling the handler', async () => {
    const { seen } = await record(bus, 'strict');
    await harness.injectRaw('catalog.category.created.v1', JSON.stringify({ ...category('Bad'), data: { name: 42 } }));
    await harness.injectRaw('catalog.category.created.v1', 'not json');
    await waitFor(async () => (await bus.deadLetters('strict')).length === 2);
    const letters = await bus.deadLetters('strict');
    expect(letters.map((letter) => letter.deliveryCount)).toEqual([1, 1]);
    expect(letters[0]!.error).toMatch(/invalid event/);
    expect(letters[1]!.event).toBe('not json');
    expect(seen).toHaveLength(0);
  });

  it('stores a re-published event id once', async () => {
    const { seen } = await record(bus, 'deduper');
    const event = category('Once');
    await bus.publish('catalog.category.created.v1', event);
    await expect(bus.publish('catalog.category.created.v1', event)).resolves.toEqual({ duplicate: true });
    const other = await harness.open();
    await expect(other.publish('catalog.category.created.v1', event)).resolves.toEqual({ duplicate: true });
    await waitFor(() => seen.length === 1);
    await sleep(200);
    expect(seen).toHaveLength(1);
  });

  it('keeps publish order per subject', async () => {
    const { seen } = await record(bus, 'orderly');
    const events = Array.from({ length: 25 }, (_, index) => category(`C${index}`));
    for (const event of events) await bus.publish('catalog.category.created.v1', event);
    await waitFor(() => seen.length === events.length);
    expect(seen.map((entry) => entry.event.id)).toEqual(events.map((event) => event.id));
  });

  it('delivers several subjects to one durable, narrowed by meta.subject', async () => {
    const got: string[] = [];
    await bus.subscribe({
      durable: 'multi',
      subjects: ['catalog.category.created.v1', 'identity.login.failed.v1'],
      handler: async (event, meta) => {
        got.push(event.type === 'identity.login.failed' ? event.data.email : `${meta.subject}:${event.data.name}`);
      },
    });
    await bus.publish('identity.login.failed.v1', failed('eve@example.com'));
    await bus.publish('catalog.category.created.v1', category('Cups'));
    await waitFor(() => got.length === 2);
    expect(got.sort()).toEqual(['catalog.category.created.v1:Cups', 'eve@example.com']);
  });

  it('shares a durable between replicas: each event is handled once', async () => {
    const a = await record(bus, 'shared');
    const b = await record(await harness.open(), 'shared');
    const events = Array.from({ length: 20 }, (_, index) => category(`S${index}`));
    for (const event of events) await bus.publish('catalog.category.created.v1', event);
    await waitFor(() => a.seen.length + b.seen.length === events.length);
    await sleep(200);
    const ids = [...a.seen, ...b.seen].map((entry) => entry.event.id);
    expect(new Set(ids).size).toBe(events.length);
    expect(ids).toHaveLength(events.length);
  });

  it('close() lets the in-flight handler finish and ack', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = await record(bus, 'drainer', () => gate, { ackWaitMs: 5_000 });
    await bus.publish('catalog.category.created.v1', category('Draining'));
    await waitFor(() => first.seen.length === 1);
    let closed = false;
    const closing = bus.close().then(() => (closed = true));
    await sleep(100);
    expect(closed).toBe(false);
    release();
    await closing;
    await expect(bus.publish('catalog.category.created.v1', category('Late'))).rejects.toThrow();
    const next = await harness.open();
    const after = await record(next, 'drainer');
    const fresh = category('Fresh');
    await next.publish('catalog.category.created.v1', fresh);
    await waitFor(() => after.seen.length === 1);
    await sleep(150);
    expect(after.seen.map((entry) => entry.event.id)).toEqual([fresh.id]);
  });

  it('listen() fans every new event out to each listener, at most once, until stop()', async () => {
    await bus.publish('catalog.category.created.v1', category('Before'));
    const replica = await harness.open();
    const seenA: string[] = [];
    const seenB: string[] = [];
    const a = await bus.listen(['catalog.category.created.v1'], (event, subject) => seenA.push(`${subject}:${event.data.name}`));
    const b = await replica.listen(['catalog.category.created.v1', 'identity.login.failed.v1'], (event) => seenB.push(event.type));
    await replica.publish('catalog.category.created.v1', category('Live'));
    await bus.publish('identity.login.failed.v1', failed('a@example.com'));
    await waitFor(() => seenA.length === 1 && seenB.length === 2);
    expect(seenA).toEqual(['catalog.category.created.v1:Live']);
    expect(seenB.sort()).toEqual(['catalog.category.created', 'identity.login.failed']);
    a.stop();
    b.stop();
    await bus.publish('catalog.category.created.v1', category('After'));
    await sleep(200);
    expect(seenA).toHaveLength(1);
    expect(seenB).toHaveLength(2);
  });

  it('with concurrency, handles events of different keys at once and same-key events in publish order', async () => {
    // The key is the correlation id: three "orders" of four steps each.
    const orders = ['o1', 'o2', 'o3'];
    const events = [0, 1, 2, 3].flatMap((step) => orders.map((order) => createEvent('catalog.category.created.v1', { id: randomUUID(), name: `${order}-${step}`, slug: `${order}-${step}`, parentId: null }, { correlationId: order })));
    let running = 0;
    let peak = 0;
    const runningKeys = new Set<string>();
    let overlapOfOneKey = false;
    const { seen } = await record(
      bus,
      'parallel',
      async (event) => {
        if (runningKeys.has(event.correlationId)) overlapOfOneKey = true;
        runningKeys.add(event.correlationId);
        running += 1;
        peak = Math.max(peak, running);
        await sleep(40);
        running -= 1;
        runningKeys.delete(event.correlationId);
      },
      { concurrency: { limit: 3, key: (event: Category) => event.correlationId } },
    );
    for (const event of events) await bus.publish('catalog.category.created.v1', event);
    await waitFor(() => seen.length === events.length, 20_000);
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(3);
    expect(overlapOfOneKey).toBe(false);
    for (const order of orders) {
      const names = seen.filter(({ event }) => event.correlationId === order).map(({ event }) => event.data.name);
      expect(names).toEqual([0, 1, 2, 3].map((step) => `${order}-${step}`));
    }
  });

  it('answers ping while open', async () => {
    await expect(bus.ping()).resolves.toBeUndefined();
  });
});
