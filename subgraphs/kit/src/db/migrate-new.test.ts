import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigration, slug, timestamp } from './migrate-new.ts';
import { LOCKFILE_CONTENT } from './migrations-folder.ts';
import { fixtureDir, fixtureSchemaPath } from './test-fixtures.ts';

describe('createMigration', () => {
  let rootDir: string;
  let schemaPath: string;
  let migrationsDir: string;

  beforeAll(async () => {
    rootDir = await mkdtemp(join(tmpdir(), 'drobble-migrate-new-'));
    await mkdir(join(rootDir, 'prisma', 'shop'), { recursive: true });
    schemaPath = join(rootDir, 'prisma', 'shop', 'schema.prisma');
    migrationsDir = join(rootDir, 'prisma', 'shop', 'migrations');
    await writeFile(schemaPath, await readFile(fixtureSchemaPath, 'utf8'));
  });
  afterAll(async () => {
    await rm(rootDir, { recursive: true, force: true });
  });

  it('writes the first migration and the lock file from an empty history', async () => {
    const result = await createMigration({ context: 'shop', name: 'Create widgets', rootDir, now: new Date('2030-01-02T03:04:05Z') });
    expect(result).toMatchObject({ status: 'created', migrationName: '20300102030405_create_widgets' });
    const sql = await readFile(join(migrationsDir, '20300102030405_create_widgets', 'migration.sql'), 'utf8');
    expect(sql).toContain(`CREATE TYPE "WidgetKind" AS ENUM ('SMALL', 'LARGE');`);
    expect(sql).toContain('CREATE TABLE "Widget"');
    expect(sql).toContain('ALTER TABLE "Part" ADD CONSTRAINT "Part_widgetId_fkey" FOREIGN KEY ("widgetId") REFERENCES "Widget"("id") ON DELETE CASCADE');
    expect(sql).not.toMatch(/"shop"\./); // unqualified: applied with search_path = the context's schema
    expect(await readFile(join(migrationsDir, 'migration_lock.toml'), 'utf8')).toBe(LOCKFILE_CONTENT);
  });

  it('reports "no changes" and writes nothing when the schema matches the migrations', async () => {
    const before = await readdir(migrationsDir);
    expect(await createMigration({ context: 'shop', name: 'again', rootDir })).toEqual({ status: 'no changes' });
    expect(await readdir(migrationsDir)).toEqual(before);
  });

  it('writes only the difference after the schema changes', async () => {
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(schemaPath, schema.replace('  label    String\n', '  label    String\n  position Int    @default(0)\n'));
    const result = await createMigration({ context: 'shop', name: 'part position', rootDir, now: new Date('2030-01-03T00:00:00Z') });
    expect(result.status).toBe('created');
    if (result.status !== 'created') return;
    expect(result.migrationName).toBe('20300103000000_part_position');
    expect(result.sql.trim()).toBe('-- AlterTable\nALTER TABLE "Part" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;');
    expect(await createMigration({ context: 'shop', name: 'again', rootDir })).toEqual({ status: 'no changes' });
  });

  it('finds the committed fixture prisma/_test in sync with its migrations', async () => {
    const copyRoot = await mkdtemp(join(tmpdir(), 'drobble-fixture-'));
    try {
      await cp(fixtureDir, join(copyRoot, 'prisma', '_test'), { recursive: true, filter: (src) => !src.includes('/src/') });
      expect(await createMigration({ context: '_test', name: 'check', rootDir: copyRoot })).toEqual({ status: 'no changes' });
    } finally {
      await rm(copyRoot, { recursive: true, force: true });
    }
  });

  it('rejects a context without schema.prisma and a name without letters', async () => {
    await expect(createMigration({ context: 'nowhere', name: 'x', rootDir })).rejects.toThrow(/ENOENT/);
    await expect(createMigration({ context: 'shop', name: ' -- ', rootDir })).rejects.toThrow(/invalid migration name/);
  });
});

describe('migration naming', () => {
  it('uses UTC YYYYMMDDHHMMSS and snake_case names', () => {
    expect(timestamp(new Date('2026-11-22T08:09:10.999Z'))).toBe('20261122080910');
    expect(slug('Add Product variants!')).toBe('add_product_variants');
  });
});

describe('migrate-new CLI', () => {
  it('prints usage and exits 2 without arguments', async () => {
    const cli = new URL('./migrate-new.ts', import.meta.url).pathname;
    const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli], (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }));
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('usage: npm run migrate:new -- <context> <name>');
  });
});
