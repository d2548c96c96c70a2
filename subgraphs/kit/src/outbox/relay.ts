import { EventValidationError, isSubject, type EventOf, type Subject } from '@drobble/schema/events';
import type { EventBus } from '../bus/event-bus.ts';
import type { Logger } from '../logger.ts';
import { serialQueue, startPollLoop } from '../poll-loop.ts';
import type { OutboxEventRow, OutboxStore } from './prisma-shapes.ts';

export interface OutboxRelayOptions {
  /** The context's Prisma client (not a transaction client: the relay never holds a transaction). */
  prisma: OutboxStore;
  bus: EventBus;
  logger: Logger;
  /** How often to look for unpublished rows when not nudged. Default 1 s. */
  pollMs?: number;
  /** Rows read per query. Default 100. */
  batchSize?: number;
}

export interface OutboxRelay {
  /** Publish soon, without waiting for the next poll (call after a commit that recorded events). */
  nudge(): void;
  /** Publishes every pending row now; resolves with how many were published. */
  publishPending(): Promise<number>;
  /** Stops polling; the row being published finishes (and is marked) first. */
  stop(): Promise<void>;
}

type RowResult = 'published' | 'skipped' | 'failed';

/**
 * Publishes outbox rows in `createdAt` order, each with msgID = event id, then marks the batch
 * published in one statement (three statements per batch rather than per row: on the embedded
 * PGlite every statement waits its turn behind every other context's).
 * Rows stay until marked, so a crash anywhere only means a later republish, which JetStream drops
 * within its duplicate window and consumers' inboxes drop after that.
 *
 * Several relays (replicas) may run: before publishing a batch a relay claims its rows by bumping
 * `attempts` from the values it read (compare-and-set). A relay that loses a claim ends its batch,
 * so it does not overtake the winner. The model has no lease column, so a relay that reads a row
 * after another's claim but before its mark may publish it again: a harmless, deduped duplicate.
 * Statements run one by one outside any transaction (PGlite serialises transactions).
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const pollMs = options.pollMs ?? 1_000;
  const batchSize = options.batchSize ?? 100;
  const log = options.logger.child({ component: 'outbox-relay' });
  let stopped = false;
  /** Batches never overlap within one relay. */
  const batches = serialQueue();

  const drain = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const { published, more } = await batches.run(() => publishBatch(options, batchSize, log, () => stopped));
      total += published;
      if (!more || stopped) return total;
    }
  };

  const loop = startPollLoop({ pollMs, work: drain, onError: (error) => log.error({ err: error }, 'outbox poll failed') });

  return {
    nudge: () => loop.nudge(),
    publishPending: drain,
    async stop() {
      stopped = true;
      await loop.stop();
      await batches.idle();
    },
  };
}

async function publishBatch(options: OutboxRelayOptions, batchSize: number, log: Logger, isStopped: () => boolean) {
  const rows = await options.prisma.outboxEvent.findMany({
    where: { publishedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: batchSize,
  });
  if (rows.length === 0 || !(await claimAll(options.prisma, rows))) return { published: 0, more: false };
  const publishedIds: string[] = [];
  let failed = false;
  for (const row of rows) {
    if (isStopped()) break;
    const result = await publishRow(options.bus, row, log);
    if (result === 'published') publishedIds.push(row.id);
    if (result === 'failed') {
      failed = true;
      break;
    }
  }
  await markPublished(options.prisma, publishedIds);
  // A full batch of only poison rows must not spin: wait for the next poll instead.
  return { published: publishedIds.length, more: !failed && !isStopped() && rows.length === batchSize && publishedIds.length > 0 };
}

/**
 * Claims every row read, one statement per distinct `attempts` value (usually one): bumps `attempts`
 * where it is still the value read. When another relay claimed any of them first, this batch is
 * abandoned (rows it bumped stay unpublished and are picked up again), so relays never overtake.
 */
async function claimAll(prisma: OutboxStore, rows: OutboxEventRow[]): Promise<boolean> {
  const byAttempts = Map.groupBy(rows, (row) => row.attempts);
  for (const [attempts, group] of byAttempts) {
    const claim = await prisma.outboxEvent.updateMany({
      where: { id: { in: group.map((row) => row.id) }, publishedAt: null, attempts },
      data: { attempts: { increment: 1 } },
    });
    if (claim.count !== group.length) return false;
  }
  return true;
}

/** One statement for the whole batch (a crash before it means a deduped republish, never a loss). */
async function markPublished(prisma: OutboxStore, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await prisma.outboxEvent.updateMany({ where: { id: { in: ids }, publishedAt: null }, data: { publishedAt: new Date() } });
}

async function publishRow(bus: EventBus, row: OutboxEventRow, log: Logger): Promise<RowResult> {
  try {
    if (!isSubject(row.subject)) throw new EventValidationError(row.subject, 'unknown subject');
    const { duplicate } = await bus.publish(row.subject, row.envelope as EventOf<Subject>);
    log.debug({ eventId: row.id, subject: row.subject, duplicate }, 'outbox event published');
    return 'published';
  } catch (error) {
    if (error instanceof EventValidationError) {
      // Poison: retrying cannot fix it, and it must not hold back the rows behind it.
      log.error({ err: error, eventId: row.id, attempts: row.attempts + 1 }, 'outbox row is not a valid event; left unpublished');
      return 'skipped';
    }
    log.warn({ err: error, eventId: row.id, attempts: row.attempts + 1 }, 'outbox publish failed; will retry');
    return 'failed';
  }
}
