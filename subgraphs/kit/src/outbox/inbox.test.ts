import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEvent } from '@drobble/schema/events';
import { createInProcessBus } from '../bus/in-process-bus.ts';
import { testLogger, waitFor } from '../bus/test-harness.ts';
import { FakeDatabase, type FakeTx } from './fake-prisma.ts';
import { handleOnce } from './inbox.ts';
import { recordEvent } from './record-event.ts';
import { startOutboxRelay } from './relay.ts';

const event = () => ({ id: randomUUID() });

describe('handleOnce', () => {
  it('runs the work once per consumer and event', async () => {
    const db = new FakeDatabase();
    const prisma = db.client();
    const first = event();
    const work = (tx: FakeTx) => tx.thing.create({ data: { name: 'done' } });
    expect(await handleOnce(prisma, 'search', first, work)).toBe(true);
    expect(await handleOnce(prisma, 'search', first, work)).toBe(false);
    expect(await handleOnce(prisma, 'audit', first, work)).toBe(true);
    expect(db.tables.things).toEqual(['done', 'done']);
  });

  it('records nothing when the work fails, so a redelivery runs it again', async () => {
    const db = new FakeDatabase();
    const prisma = db.client();
    const flaky = event();
    await expect(
      handleOnce(prisma, 'search', flaky, async (tx) => {
        await tx.thing.create({ data: { name: 'half' } });
        throw new Error('index down');
      }),
    ).rejects.toThrow('index down');
    expect(db.tables.inbox.size).toBe(0);
    expect(db.tables.things).toEqual([]);
    expect(await handleOnce(prisma, 'search', flaky, (tx) => tx.thing.create({ data: { name: 'whole' } }))).toBe(true);
    expect(db.tables.things).toEqual(['whole']);
  });

  it('drops a republish that arrives after the dedupe window', async () => {
    // A bus with no dedupe window stands in for a relay that crashed before marking and came back late.
    const bus = createInProcessBus({ logger: testLogger(), duplicateWindowMs: 0 });
    const source = new FakeDatabase();
    const target = new FakeDatabase();
    const targetPrisma = target.client();
    let deliveries = 0;
    await bus.subscribe({
      durable: 'projector',
      subjects: ['catalog.category.created.v1'],
      handler: async (received) => {
        deliveries += 1;
        await handleOnce(targetPrisma, 'projector', received, (tx) => tx.thing.create({ data: { name: received.data.name } }));
      },
    });
    const recorded = await source.client().$transaction((tx) =>
      recordEvent(tx, 'catalog.category.created.v1', { id: randomUUID(), name: 'Late', slug: 'late', parentId: null }, { correlationId: 'c' }),
    );
    source.hooks.beforeMarkPublished = () => {
      throw new Error('crash before mark');
    };
    const relay = startOutboxRelay({ prisma: source.client(), bus, logger: testLogger(), pollMs: 10 });
    await waitFor(() => deliveries >= 2);
    source.hooks = {};
    await relay.stop();
    await bus.publish('catalog.category.created.v1', createEvent('catalog.category.created.v1', recorded.data, { correlationId: 'c', id: recorded.id }));
    await waitFor(() => deliveries >= 3);
    expect(target.tables.things).toEqual(['Late']);
    await bus.close();
  });
});
