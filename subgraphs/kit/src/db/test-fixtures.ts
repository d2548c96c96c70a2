/** Shared by this folder's tests: the fixture Prisma schema and migrations in prisma/_test. */
import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { createTestDatabase } from './test-database.ts';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
export const fixtureDir = join(repoRoot, 'prisma', '_test');
export const fixtureSchemaPath = join(fixtureDir, 'schema.prisma');
export const fixtureMigrationsDir = join(fixtureDir, 'migrations');

export async function fixtureMigrationNames(): Promise<string[]> {
  const entries = await readdir(fixtureMigrationsDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** A private copy of prisma/_test/migrations to add migrations to. */
export async function copyFixtureMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'drobble-migrations-'));
  await cp(fixtureMigrationsDir, dir, { recursive: true });
  return dir;
}

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  start(): Promise<{ connectionString: string; drop(): Promise<void> }>;
}

/** Embedded PGlite always; real PostgreSQL too when DATABASE_URL is set. */
export const databaseTargets: DatabaseTarget[] = [
  { name: 'pglite', start: async () => {
    const server = await startEmbeddedPostgres({ dataDir: undefined });
    return { connectionString: server.connectionString, drop: () => server.stop() };
  } },
  ...(process.env.DATABASE_URL ? [{ name: 'postgres' as const, start: createTestDatabase }] : []),
];
