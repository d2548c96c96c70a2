import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { readMigrationsFolder } from './migrations-folder.ts';
import { NO_FILTERS, openSchemaEngine } from './schema-engine.ts';
import { assertSchemaName, quoteIdentifier } from './schema-name.ts';

/** The key `prisma migrate` (and the WASM engine) passes to pg_advisory_lock. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export interface ApplyMigrationsOptions {
  connectionString: string;
  /** The bounded context's PostgreSQL schema; created if missing; holds its `_prisma_migrations`. */
  schema: string;
  /** prisma/<context>/migrations */
  migrationsDir: string;
  /** The context's schema.prisma text (optional: only the datasource provider matters here). */
  datamodel?: string;
}

export interface ApplyMigrationsResult {
  /** Migration folder names applied by this call, oldest first; empty when up to date. */
  applied: string[];
  durationMs: number;
}

// PGlite shares one session (so one search_path) among all connections: never run two at once here.
let queue: Promise<unknown> = Promise.resolve();

/**
 * `prisma migrate deploy` for one schema, offline: Prisma's schema engine (WASM) applies every
 * migration not yet in `<schema>._prisma_migrations` and records it there exactly as the CLI
 * would with `?schema=<schema>`. Idempotent. Works on real PostgreSQL and on embedded PGlite.
 *
 * Concurrency: calls in one process run one after another. Across processes on real PostgreSQL
 * the engine's `pg_advisory_lock(72707369)` (held on our single connection until we end it)
 * serialises them, as with the CLI; on PGlite advisory locks do not exclude (one shared session),
 * so only one process should migrate an embedded database at a time.
 */
export function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const run = queue.then(() => applyNow(options));
  queue = run.catch(() => {});
  return run;
}

async function applyNow(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const started = performance.now();
  const migrationsList = await readMigrationsFolder(options.migrationsDir);
  await ensureSchema(options.connectionString, options.schema);
  const session = await openSchemaEngine({
    connectionString: options.connectionString,
    schema: options.schema,
    datamodel: options.datamodel,
  });
  try {
    const output = await session.engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return { applied: output.appliedMigrationNames, durationMs: performance.now() - started };
  } catch (error) {
    throw migrationError(options, error);
  } finally {
    await session.close();
  }
}

/**
 * The engine checks for the schema and runs CREATE SCHEMA before taking its advisory lock, so
 * processes starting together race ("schema already exists"). We create it first, under the same
 * lock key taken for this transaction only (CREATE SCHEMA IF NOT EXISTS alone is not race-free).
 */
async function ensureSchema(connectionString: string, schema: string): Promise<void> {
  assertSchemaName(schema);
  const client = new pg.Client({ connectionString });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** The engine's message (SQL error + failing migration), prefixed with where it happened. */
function migrationError(options: ApplyMigrationsOptions, error: unknown): Error {
  const engineError = error as { message?: string; code?: string };
  const code = engineError.code ? ` [${engineError.code}]` : '';
  const wrapped = new Error(`migrating schema "${options.schema}" from ${options.migrationsDir} failed${code}: ${engineError.message ?? String(error)}`, { cause: error });
  return Object.assign(wrapped, { code: engineError.code });
}
