import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

describe('startEmbeddedPostgres', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('serves a memory-only PGlite to a pg pool with several connections on a picked port', async () => {
    const server = await startEmbeddedPostgres({ dataDir: undefined, port: 0 });
    try {
      const url = new URL(server.connectionString);
      expect(url.hostname).toBe('127.0.0.1');
      expect(Number(url.port)).toBe(server.port);
      expect(server.port).toBeGreaterThan(0);
      const pool = new pg.Pool({ connectionString: server.connectionString, max: 8 });
      const clients = await Promise.all(Array.from({ length: 8 }, () => pool.connect()));
      const rows = await Promise.all(clients.map((client, i) => client.query('SELECT $1::int AS n', [i])));
      expect(rows.map((result) => result.rows[0].n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      clients.forEach((client) => client.release());
      await pool.end();
    } finally {
      await server.stop();
    }
    const late = new pg.Client({ connectionString: server.connectionString, connectionTimeoutMillis: 1_000 });
    await expect(late.connect()).rejects.toThrow();
  });

  it('keeps data in dataDir across a stop and a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'drobble-pglite-'));
    dirs.push(dataDir);
    const first = await startEmbeddedPostgres({ dataDir });
    const writer = new pg.Client({ connectionString: first.connectionString });
    await writer.connect();
    await writer.query('CREATE TABLE kept (id int PRIMARY KEY, note text)');
    await writer.query("INSERT INTO kept VALUES (1, 'survives a restart')");
    // Stop with the client still connected: stop must close it and flush.
    await first.stop();
    await writer.end().catch(() => {});

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const reader = new pg.Client({ connectionString: second.connectionString });
      await reader.connect();
      const { rows } = await reader.query('SELECT note FROM kept WHERE id = 1');
      await reader.end();
      expect(rows).toEqual([{ note: 'survives a restart' }]);
    } finally {
      await second.stop();
    }
  });

  it('stop() is idempotent and rolls back a transaction left open by a client', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'drobble-pglite-'));
    dirs.push(dataDir);
    const first = await startEmbeddedPostgres({ dataDir });
    const client = new pg.Client({ connectionString: first.connectionString });
    client.on('error', () => {});
    await client.connect();
    await client.query('CREATE TABLE t (id int)');
    await client.query('BEGIN');
    await client.query('INSERT INTO t VALUES (1)');
    await Promise.all([first.stop(), first.stop()]);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      const reader = new pg.Client({ connectionString: second.connectionString });
      await reader.connect();
      const { rows } = await reader.query('SELECT count(*)::int AS n FROM t');
      await reader.end();
      expect(rows[0].n).toBe(0);
    } finally {
      await second.stop();
    }
  });
});
