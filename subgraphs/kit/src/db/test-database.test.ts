import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

async function query(connectionString: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  const open: TestDatabase[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.drop()));
  });

  it(`gives each caller a private database (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, async () => {
    const [one, two] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    open.push(one, two);
    expect(one.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(one.connectionString).not.toBe(two.connectionString);
    await query(one.connectionString, 'CREATE TABLE only_in_one (id int)');
    expect(await query(two.connectionString, "SELECT to_regclass('only_in_one') AS t")).toEqual([{ t: null }]);
  });

  it.runIf(process.env.DATABASE_URL)('drops the database even with sessions still connected', async () => {
    const db = await createTestDatabase();
    const name = new URL(db.connectionString).pathname.slice(1);
    expect(name).toMatch(/^drobble_t_[0-9a-f]{16}$/);
    const lingering = new pg.Client({ connectionString: db.connectionString });
    lingering.on('error', () => {});
    await lingering.connect();
    await db.drop();
    await lingering.end().catch(() => {});
    const rows = await query(process.env.DATABASE_URL!, `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    expect(rows).toEqual([]);
  });
});
