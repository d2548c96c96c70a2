/**
 * The slices of a context's generated Prisma client that the outbox and inbox use, typed
 * structurally so the kit never imports a generated client: any client whose schema includes the
 * OutboxEvent and InboxEvent models (see README.md) fits, and so does an in-memory fake in tests.
 */

/** JSON as Prisma's `Json` columns take it (a top-level `null` is not a value there). */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;
export type JsonObject = { readonly [key: string]: JsonValue };

export interface OutboxEventRow {
  id: string;
  subject: string;
  envelope: unknown;
  createdAt: Date;
  publishedAt: Date | null;
  attempts: number;
}

/** Inside the caller's transaction: enough to insert an outbox row. */
export interface OutboxWriter {
  outboxEvent: {
    create(args: { data: { id: string; subject: string; envelope: JsonObject; createdAt: Date } }): PromiseLike<unknown>;
  };
}

/** What the relay reads and updates (outside any transaction, one statement at a time). */
export interface OutboxStore {
  outboxEvent: {
    findMany(args: {
      where: { publishedAt: null };
      orderBy: ({ createdAt: 'asc' } | { id: 'asc' })[];
      take: number;
    }): PromiseLike<OutboxEventRow[]>;
    updateMany(args: {
      where: { id: { in: string[] }; publishedAt: null; attempts?: number };
      data: { attempts?: { increment: number }; publishedAt?: Date };
    }): PromiseLike<{ count: number }>;
  };
}

/** Inside the handler's transaction: enough to record a processed event. */
export interface InboxWriter {
  inboxEvent: {
    createMany(args: { data: { consumer: string; eventId: string }[]; skipDuplicates: boolean }): PromiseLike<{ count: number }>;
  };
}

export interface TransactionOptions {
  /** Prisma's interactive-transaction timeout (its default is 5 s). */
  timeout?: number;
  maxWait?: number;
}

/** A Prisma client's interactive `$transaction`. */
export interface TransactionRunner<Tx> {
  $transaction<R>(fn: (tx: Tx) => Promise<R>, options?: TransactionOptions): Promise<R>;
}
