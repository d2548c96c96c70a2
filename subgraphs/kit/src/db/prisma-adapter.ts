import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { assertSchemaName } from './schema-name.ts';

export interface PrismaAdapterOptions {
  connectionString: string;
  /** The bounded context's PostgreSQL schema: every generated query is qualified with it. */
  schema: string;
  /** Pool size; default 5 (an embedded PGlite serves 100 connections shared by all contexts). */
  maxConnections?: number;
  /** Called when an idle pooled connection fails (e.g. the server restarted); ignored by default. */
  onPoolError?: (error: Error) => void;
}

/**
 * The driver adapter a context's generated PrismaClient runs on:
 * `new PrismaClient({ adapter: createPrismaAdapter({ connectionString, schema: 'catalog' }) })`.
 * Model queries are qualified with the schema ("catalog"."Product"). Raw SQL ($queryRaw) is not
 * rewritten and the search_path is left alone (PGlite shares one session between all
 * connections), so raw SQL must name its schema: SELECT ... FROM "catalog"."Product".
 */
export function createPrismaAdapter(options: PrismaAdapterOptions): PrismaPg {
  assertSchemaName(options.schema);
  const pool: pg.PoolConfig = {
    connectionString: options.connectionString,
    max: options.maxConnections ?? 5,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  };
  return new PrismaPg(pool, { schema: options.schema, onPoolError: options.onPoolError ?? (() => {}) });
}

/** Anything that runs raw SQL: a generated PrismaClient or a transaction client. */
export interface RawQueryable {
  $queryRawUnsafe(sql: string): Promise<unknown>;
}

/**
 * Closes a client's pool, waiting at most `ms`: on the embedded PGlite a connection can be left
 * waiting for an answer that never comes, and a shutdown must not hang on it.
 */
export async function disconnectWithin(prisma: { $disconnect(): Promise<void> }, ms = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([prisma.$disconnect(), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** A /ready check (see server/health ReadinessChecks) that runs SELECT 1 through the client. */
export function createDatabaseCheck(prisma: RawQueryable): () => Promise<void> {
  return async () => {
    await prisma.$queryRawUnsafe('SELECT 1');
  };
}

/** Resolves when a PostgreSQL server answers SELECT 1 at connectionString within timeoutMs. */
export async function pingDatabase(connectionString: string, timeoutMs = 2_000): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => {});
  }
}
