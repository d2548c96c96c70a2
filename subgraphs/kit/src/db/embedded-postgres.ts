import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepExtendedQueriesTogether } from './pglite-socket-affinity.ts';
import { createMemoryPglite } from './pglite-snapshot.ts';

export interface EmbeddedPostgresOptions {
  /**
   * Folder PGlite keeps its cluster in (created if missing). Measured on 2 cores: first start runs
   * initdb, ~3 s (up to ~10 s on a busy machine); later starts ~0.2-0.5 s. Undefined = memory
   * only, for tests: ~0.6-0.8 s from a cached pristine snapshot (~3 s the first time).
   */
  dataDir: string | undefined;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; 127.0.0.1 by default. Never expose it: there is no authentication. */
  host?: string;
  /** Socket connections served at once (all share PGlite's single backend); default 100. */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgresql://postgres@host:port/postgres for `pg`, Prisma's adapter and the schema engine. */
  connectionString: string;
  /** The port actually bound (useful with port 0). */
  port: number;
  /** Stops accepting connections, closes open ones and closes PGlite (flushing the data folder). */
  stop(): Promise<void>;
}

/**
 * PostgreSQL for `npm start` on a machine with nothing but Node: PGlite (PostgreSQL compiled to
 * WASM) served on a local TCP socket so every `pg` pool connects to it as to a real server.
 *
 * PGlite is ONE backend session shared by every socket connection: session state (SET, advisory
 * locks, prepared statement names) is shared, and while one connection has a transaction open the
 * others wait until it ends. Keep every query of a unit of work on its transaction client.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const host = options.host ?? '127.0.0.1';
  const db = await openPglite(options.dataDir);
  const server = new PGLiteSocketServer({
    // pglite-socket is typed against its own (older) PGlite; the runtime contract is the same.
    db: db as unknown as ConstructorParameters<typeof PGLiteSocketServer>[0]['db'],
    host,
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 100,
  });
  keepExtendedQueriesTogether(server);
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = Number(server.getServerConn().split(':').pop());
  let stopping: Promise<void> | undefined;
  return {
    connectionString: `postgresql://postgres@${formatHost(host)}:${port}/postgres`,
    port,
    stop: () => (stopping ??= stopBoth(server, db)),
  };
}

async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir === undefined) return createMemoryPglite();
  const path = resolve(dataDir);
  await mkdir(path, { recursive: true });
  // pg_trgm: search's typo tolerance (CREATE EXTENSION still decides; loading it costs nothing otherwise).
  return PGlite.create({ dataDir: path, extensions: { pg_trgm } });
}

async function stopBoth(server: PGLiteSocketServer, db: PGlite): Promise<void> {
  try {
    await server.stop();
  } finally {
    // The handlers' ROLLBACK of an abandoned transaction runs asynchronously on detach: let it run.
    await waitUntilIdle(db);
    await db.close();
  }
}

async function waitUntilIdle(db: PGlite): Promise<void> {
  for (let i = 0; i < 50 && db.isInTransaction(); i++) await new Promise((r) => setTimeout(r, 20));
  if (db.isInTransaction()) await db.exec('ROLLBACK');
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
