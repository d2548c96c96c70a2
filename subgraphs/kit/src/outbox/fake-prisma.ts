import type { InboxWriter, JsonObject, OutboxEventRow, OutboxStore, OutboxWriter, TransactionRunner } from './prisma-shapes.ts';

/**
 * Test support: an in-memory stand-in for a context's Prisma client, shaped like the structural
 * interfaces in prisma-shapes.ts (no generated client needed). Transactions run one at a time,
 * like PGlite (other statements wait meanwhile), on a copy of the tables that replaces them only on commit. `hooks` inject crashes.
 */

interface Tables {
  outbox: Map<string, OutboxEventRow>;
  inbox: Set<string>;
  things: string[];
}

export interface FakeTx extends OutboxWriter, InboxWriter {
  thing: { create(args: { data: { name: string } }): Promise<void> };
}

export interface FakePrisma extends OutboxStore, TransactionRunner<FakeTx> {}

export interface FakeHooks {
  /** Called before marking a row published; throw to simulate a crash between publish and mark. */
  beforeMarkPublished?: (id: string) => void;
}

export class FakeDatabase {
  tables: Tables = { outbox: new Map(), inbox: new Set(), things: [] };
  hooks: FakeHooks = {};
  #lock: Promise<unknown> = Promise.resolve();

  /** A client, as a process would create one; several may share the database (replicas). */
  client(): FakePrisma {
    return {
      outboxEvent: {
        findMany: (args) => this.#serial(async () => this.#findUnpublished(args.take)),
        updateMany: (args) => this.#serial(async () => this.#updateOutbox(this.tables, args)),
      },
      $transaction: (fn) =>
        this.#serial(async () => {
          const staged: Tables = structuredClone(this.tables);
          const result = await fn(this.#txClient(staged));
          this.tables = staged;
          return result;
        }),
    };
  }

  rows(): OutboxEventRow[] {
    return [...this.tables.outbox.values()];
  }

  #findUnpublished(take: number): OutboxEventRow[] {
    return this.rows()
      .filter((row) => row.publishedAt === null)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, take)
      .map((row) => structuredClone(row));
  }

  #updateOutbox(tables: Tables, args: Parameters<OutboxStore['outboxEvent']['updateMany']>[0]): { count: number } {
    const matches = args.where.id.in
      .map((id) => tables.outbox.get(id))
      .filter((row): row is OutboxEventRow => !!row && row.publishedAt === null)
      .filter((row) => args.where.attempts === undefined || row.attempts === args.where.attempts);
    if (args.data.publishedAt) for (const row of matches) this.hooks.beforeMarkPublished?.(row.id);
    for (const row of matches) {
      if (args.data.attempts) row.attempts += args.data.attempts.increment;
      if (args.data.publishedAt) row.publishedAt = args.data.publishedAt;
    }
    return { count: matches.length };
  }

  /** One statement or transaction at a time, like PGlite. */
  #serial<R>(task: () => Promise<R>): Promise<R> {
    const run = this.#lock.then(task);
    this.#lock = run.catch(() => undefined);
    return run;
  }

  #txClient(staged: Tables): FakeTx {
    return {
      outboxEvent: {
        create: async ({ data }: { data: { id: string; subject: string; envelope: JsonObject; createdAt: Date } }) => {
          if (staged.outbox.has(data.id)) throw new Error(`duplicate outbox id ${data.id}`);
          const envelope = JSON.parse(JSON.stringify(data.envelope)) as unknown;
          staged.outbox.set(data.id, { ...data, envelope, publishedAt: null, attempts: 0 });
        },
      },
      inboxEvent: {
        createMany: async ({ data, skipDuplicates }) => {
          let count = 0;
          for (const { consumer, eventId } of data) {
            const key = `${consumer}/${eventId}`;
            if (staged.inbox.has(key) && !skipDuplicates) throw new Error(`duplicate inbox row ${key}`);
            if (!staged.inbox.has(key)) (staged.inbox.add(key), (count += 1));
          }
          return { count };
        },
      },
      thing: {
        create: async ({ data }) => void staged.things.push(data.name),
      },
    };
  }
}
