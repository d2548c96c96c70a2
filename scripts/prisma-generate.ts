/**
 * Root postinstall: `prisma generate` for every bounded context (prisma/<context>/schema.prisma;
 * folders starting with "_" are fixtures and skipped). Quiet on success; on failure prints
 * Prisma's output and exits non-zero.
 *
 * Offline: generate does not run the schema engine, but the CLI insists on downloading it unless
 * PRISMA_SCHEMA_ENGINE_BINARY names an existing file, so we point it at one (the engine's WASM).
 * No prisma.config.ts is needed: the schema has no URL and generate never connects.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const rootDir = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export interface GenerateResult {
  schemaPath: string;
  output: string;
}

/** Runs `prisma generate --schema <schemaPath>` with the offline environment; rejects with its output. */
export function generatePrismaClient(schemaPath: string): Promise<GenerateResult> {
  const cli = require.resolve('prisma/build/index.js');
  const args = [cli, 'generate', '--schema', schemaPath];
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, args, { cwd: rootDir, env: offlineEnv(), maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`.trim();
      if (error) reject(new Error(`prisma generate --schema ${relative(rootDir, schemaPath)} failed:\n${output || error.message}`));
      else resolvePromise({ schemaPath, output });
    });
  });
}

function offlineEnv(): NodeJS.ProcessEnv {
  const configured = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
  const engineStandIn = configured && existsSync(configured) ? configured : anyExistingFile();
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: engineStandIn,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
}

function anyExistingFile(): string {
  try {
    return join(dirname(require.resolve('@prisma/schema-engine-wasm/package.json')), 'schema_engine_bg.wasm');
  } catch {
    return process.execPath;
  }
}

/** prisma/<context>/schema.prisma for every context folder not starting with "_". */
export async function findContextSchemas(prismaDir = join(rootDir, 'prisma')): Promise<string[]> {
  const entries = await readdir(prismaDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => join(prismaDir, entry.name, 'schema.prisma'))
    .filter((path) => existsSync(path))
    .sort();
}

async function generateAll(schemaPaths: string[]): Promise<Error[]> {
  const failures: Error[] = [];
  const queue = [...schemaPaths];
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      await generatePrismaClient(path).catch((error: Error) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), 4) }, worker));
  return failures;
}

if (import.meta.main) {
  const failures = await generateAll(await findContextSchemas());
  for (const failure of failures) console.error(failure.message);
  process.exitCode = failures.length > 0 ? 1 : 0;
}
