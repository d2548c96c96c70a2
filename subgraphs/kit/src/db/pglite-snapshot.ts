import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * A memory-only PGlite starts by running initdb (about 3.5 s). Every later start instead loads a
 * tarball of a pristine, just-initialised cluster (about 0.5 s), cached per PGlite version in the
 * OS temp folder. The cache is written atomically (rename) and ignored if unreadable.
 */
export async function createMemoryPglite(): Promise<PGlite> {
  const path = snapshotPath();
  const snapshot = await readFile(path).catch(() => undefined);
  if (snapshot) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([snapshot]), extensions: { pg_trgm } });
    } catch {
      // A snapshot from another build or a damaged file: fall through and replace it.
    }
  }
  const db = await PGlite.create({ extensions: { pg_trgm } });
  await saveSnapshot(db, path).catch(() => {});
  return db;
}

async function saveSnapshot(db: PGlite, path: string): Promise<void> {
  const dump = await db.dumpDataDir('none');
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.${Date.now()}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, path);
}

let cachedPath: string | undefined;

function snapshotPath(): string {
  if (cachedPath) return cachedPath;
  const require = createRequire(import.meta.url);
  const packageJson = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  cachedPath = join(tmpdir(), 'drobble-pglite', `pristine-${version}.tar`);
  return cachedPath;
}
