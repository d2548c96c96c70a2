import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrations.ts';
import { copyFixtureMigrations, databaseTargets, fixtureMigrationNames, fixtureMigrationsDir } from './test-fixtures.ts';

describe.each(databaseTargets)('applyMigrations on $name', (target) => {
  let database: { connectionString: string; drop(): Promise<void> };
  let client: pg.Client;
  let names: string[];
  const tempDirs: string[] = [];

  beforeAll(async () => {
    database = await target.start();
    client = new pg.Client({ connectionString: database.connectionString });
    await client.connect();
    names = await fixtureMigrationNames();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const tablesIn = async (schema: string) =>
    (await client.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema])).rows.map((r) => r.table_name);

  it('creates the schema, applies every migration and records it in <schema>._prisma_migrations', async () => {
    const result = await applyMigrations({ connectionString: database.connectionString, schema: 'fx_a', migrationsDir: fixtureMigrationsDir });
    expect(result.applied).toEqual(names);
    expect(await tablesIn('fx_a')).toEqual(['Part', 'Widget', '_prisma_migrations']);
    expect(await tablesIn('public')).toEqual([]);
    const { rows } = await client.query('SELECT * FROM fx_a._prisma_migrations ORDER BY started_at, migration_name');
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(join(fixtureMigrationsDir, row.migration_name, 'migration.sql'), 'utf8');
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('is idempotent: a second run applies nothing', async () => {
    const again = await applyMigrations({ connectionString: database.connectionString, schema: 'fx_a', migrationsDir: fixtureMigrationsDir });
    expect(again.applied).toEqual([]);
    expect((await client.query('SELECT count(*)::int AS n FROM fx_a._prisma_migrations')).rows[0].n).toBe(names.length);
  });

  it('sends a migration as one script, so dollar-quoted bodies with ";" work', async () => {
    await client.query(`INSERT INTO fx_a."Widget" (id, name, "priceMinor", currency) VALUES (gen_random_uuid(), '  padded  ', 100, 'EUR')`);
    const { rows } = await client.query('SELECT name FROM fx_a."Widget"');
    expect(rows).toEqual([{ name: 'padded' }]);
  });

  it('keeps schemas apart: another schema in the same database gets its own tables and history', async () => {
    const result = await applyMigrations({ connectionString: database.connectionString, schema: 'fx_b', migrationsDir: fixtureMigrationsDir });
    expect(result.applied).toEqual(names);
    expect((await client.query('SELECT count(*)::int AS n FROM fx_b."Widget"')).rows[0].n).toBe(0);
    expect((await client.query('SELECT count(*)::int AS n FROM fx_a."Widget"')).rows[0].n).toBe(1);
  });

  it('applies only what is new, and calls at the same time apply each migration once', async () => {
    const dir = await copyFixtureMigrations();
    tempDirs.push(dir);
    await mkdir(join(dir, '29990101000000_add_color'));
    await writeFile(join(dir, '29990101000000_add_color', 'migration.sql'), 'ALTER TABLE "Widget" ADD COLUMN "color" TEXT;\n');
    const options = { connectionString: database.connectionString, schema: 'fx_a', migrationsDir: dir };
    const results = await Promise.all([applyMigrations(options), applyMigrations(options)]);
    expect(results.flatMap((result) => result.applied)).toEqual(['29990101000000_add_color']);
    expect((await client.query('SELECT color FROM fx_a."Widget"')).rows).toEqual([{ color: null }]);
  });

  it('rolls a failing migration back as a whole and reports it', async () => {
    const dir = await copyFixtureMigrations();
    tempDirs.push(dir);
    await mkdir(join(dir, '29990101000000_broken'));
    await writeFile(join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "Half" (id int);\nSELECT 1/0;\n');
    const options = { connectionString: database.connectionString, schema: 'fx_fail', migrationsDir: dir };
    await expect(applyMigrations(options)).rejects.toThrow(/"fx_fail"[\s\S]*division by zero[\s\S]*29990101000000_broken/);
    expect(await tablesIn('fx_fail')).toEqual(['Part', 'Widget', '_prisma_migrations']);
    const failed = await client.query(`SELECT finished_at, logs FROM fx_fail._prisma_migrations WHERE migration_name = '29990101000000_broken'`);
    expect(failed.rows[0].finished_at).toBeNull();
    // Like `prisma migrate deploy`: a failed migration blocks further deploys until resolved.
    await expect(applyMigrations(options)).rejects.toThrow(/P3009|failed migrations/);
  });

  it('treats a missing migrations folder as an empty history', async () => {
    const result = await applyMigrations({ connectionString: database.connectionString, schema: 'fx_empty', migrationsDir: join(fixtureMigrationsDir, 'nope') });
    expect(result.applied).toEqual([]);
  });
});

describe.runIf(process.env.DATABASE_URL)('applyMigrations from several processes at once (real PostgreSQL)', () => {
  it('applies each migration once: the engine advisory lock serialises the processes', async () => {
    const { createTestDatabase } = await import('./test-database.ts');
    const { execFile } = await import('node:child_process');
    const database = await createTestDatabase();
    try {
      const script = `import { applyMigrations } from ${JSON.stringify(new URL('./migrations.ts', import.meta.url).pathname)};
        const result = await applyMigrations({ connectionString: process.argv[1], schema: 'multi', migrationsDir: ${JSON.stringify(fixtureMigrationsDir)} });
        console.log(JSON.stringify(result.applied));`;
      const run = () =>
        new Promise<string[]>((resolve, reject) => {
          execFile(process.execPath, ['--input-type=module', '-e', script, database.connectionString], (error, stdout, stderr) =>
            error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout) as string[]),
          );
        });
      const results = await Promise.all([run(), run(), run()]);
      expect(results.flat().sort()).toEqual(await fixtureMigrationNames());
    } finally {
      await database.drop();
    }
  });
});
