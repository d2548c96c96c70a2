import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { quoteIdentifier } from './schema-name.ts';

export interface TestDatabase {
  connectionString: string;
  /** 'postgres' when DATABASE_URL points at a server, 'pglite' for the embedded default. */
  engine: 'postgres' | 'pglite';
  /** Drops the database (force-disconnecting its sessions) or stops the embedded server. */
  drop(): Promise<void>;
}

/**
 * A fresh, private database for one test file, so files run in parallel without sharing state.
 * With DATABASE_URL set: CREATE DATABASE drobble_t_<random> on that server (the URL's user needs
 * CREATEDB). Otherwise: a memory-only embedded PGlite server (about 4 s to start).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: undefined });
    return { connectionString: embedded.connectionString, engine: 'pglite', drop: () => embedded.stop() };
  }
  const name = `drobble_t_${randomBytes(8).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
  let dropping: Promise<void> | undefined;
  return {
    connectionString: withDatabase(serverUrl, name),
    engine: 'postgres',
    drop: () => (dropping ??= onServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`)),
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
