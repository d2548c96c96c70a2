/**
 * `npm run migrate:new -- <context> <name>`: writes the next Prisma Migrate migration for
 * prisma/<context>/schema.prisma, offline (like `prisma migrate dev --create-only`).
 *
 * The schema engine (WASM) replays prisma/<context>/migrations into a throwaway in-memory PGlite
 * (the shadow database), diffs it against the schema and writes
 * prisma/<context>/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql (+ migration_lock.toml).
 * The PostgreSQL schema is the context's name, as at runtime.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { LOCKFILE_CONTENT, LOCKFILE_NAME, MIGRATION_FILE_NAME, readMigrationsFolder } from './migrations-folder.ts';
import { lastSchemaEnginePanic, NO_FILTERS, openSchemaEngine } from './schema-engine.ts';
import { assertSchemaName } from './schema-name.ts';

export interface CreateMigrationOptions {
  /** Bounded context: prisma/<context>/schema.prisma. */
  context: string;
  /** Human name, snake_cased into the folder name. */
  name: string;
  /** Repository root (the folder holding prisma/). */
  rootDir: string;
  /** PostgreSQL schema the context lives in; the context's name by default. */
  schema?: string;
  /** Clock for the folder's timestamp (tests). */
  now?: Date;
}

export type CreateMigrationResult =
  | { status: 'created'; migrationName: string; path: string; sql: string }
  | { status: 'no changes' };

export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const schema = options.schema ?? options.context;
  assertSchemaName(schema);
  const suffix = slug(options.name);
  const contextDir = resolve(options.rootDir, 'prisma', options.context);
  const schemaPath = join(contextDir, 'schema.prisma');
  const datamodel = await readFile(schemaPath, 'utf8');
  const migrationsDir = join(contextDir, 'migrations');
  const sql = await diffMigrationsToSchema({ migrationsDir, schema, datamodel, schemaPath });
  if (sql === undefined) return { status: 'no changes' };

  const migrationName = `${timestamp(options.now ?? new Date())}_${suffix}`;
  const path = join(migrationsDir, migrationName);
  await mkdir(migrationsDir, { recursive: true });
  await mkdir(path); // EEXIST rather than overwrite a migration made in the same second
  await writeFile(join(path, MIGRATION_FILE_NAME), sql);
  const lockfile = join(migrationsDir, LOCKFILE_NAME);
  await writeFile(lockfile, LOCKFILE_CONTENT, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return { status: 'created', migrationName, path, sql };
}

interface DiffInput {
  migrationsDir: string;
  schema: string;
  datamodel: string;
  schemaPath: string;
}

/** The SQL taking the migrations folder's end state to the datamodel; undefined when none. */
async function diffMigrationsToSchema(input: DiffInput): Promise<string | undefined> {
  const migrationsList = await readMigrationsFolder(input.migrationsDir);
  migrationsList.lockfile.content ??= LOCKFILE_CONTENT;
  const shadow = await startEmbeddedPostgres({ dataDir: undefined });
  try {
    const session = await openSchemaEngine({
      connectionString: shadow.connectionString,
      shadowConnectionString: shadow.connectionString,
      schema: input.schema,
      datamodel: input.datamodel,
    });
    try {
      const result = await session.engine.diff({
        from: { tag: 'migrations', ...migrationsList },
        to: { tag: 'schemaDatamodel', files: [{ path: input.schemaPath, content: input.datamodel }] },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      });
      // exitCode 2 = "the diff is not empty" (as `prisma migrate diff --exit-code`).
      return result.exitCode === 2 && result.stdout ? result.stdout : undefined;
    } finally {
      await session.close();
    }
  } finally {
    await shadow.stop();
  }
}

/** UTC YYYYMMDDHHMMSS, as Prisma Migrate names folders. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function slug(name: string): string {
  const cleaned = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!cleaned) throw new Error(`invalid migration name "${name}": use letters, digits and _`);
  return cleaned.slice(0, 200);
}

async function main(argv: string[]): Promise<number> {
  const [context, name] = argv;
  if (!context || !name) {
    console.error('usage: npm run migrate:new -- <context> <name>');
    return 2;
  }
  const rootDir = resolve(import.meta.dirname, '../../../..');
  const result = await createMigration({ context, name, rootDir });
  if (result.status === 'no changes') console.log(`no changes: prisma/${context}/schema.prisma matches its migrations`);
  else console.log(`created ${relative(rootDir, join(result.path, MIGRATION_FILE_NAME))}`);
  return 0;
}

if (import.meta.main) {
  // An engine panic escapes as an uncaught "RuntimeError: unreachable"; show what it said.
  process.on('uncaughtException', (error) => {
    console.error(lastSchemaEnginePanic() ?? error);
    process.exit(1);
  });
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
