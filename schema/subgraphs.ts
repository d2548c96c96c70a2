import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (schema/ sits directly under it). */
export const repoRoot = resolve(import.meta.dirname, '..');

/** A subgraph as the platform knows it: registered by `"drobble": { "port": N }` in its package.json. */
export interface SubgraphEntry {
  name: string;
  packageName: string;
  dir: string;
  port: number;
  schemaPath: string;
  /** Where the embedded platform and docker-compose's default routing reach it. */
  routingUrl: string;
}

interface PackageJson {
  name: string;
  drobble?: { port?: number };
}

/** Every folder under subgraphs/ whose package.json registers it; sorted by port, so the order is stable. */
export function listSubgraphs(root = repoRoot): SubgraphEntry[] {
  const base = join(root, 'subgraphs');
  const entries: SubgraphEntry[] = [];
  for (const name of readdirSync(base)) {
    const packagePath = join(base, name, 'package.json');
    if (!existsSync(packagePath)) continue;
    const pkg = JSON.parse(readFileSync(packagePath, 'utf8')) as PackageJson;
    const port = pkg.drobble?.port;
    if (typeof port !== 'number') continue;
    entries.push({
      name,
      packageName: pkg.name,
      dir: join(base, name),
      port,
      schemaPath: join(base, name, 'src', 'graphql', 'schema.graphql'),
      routingUrl: `http://127.0.0.1:${port}/graphql`,
    });
  }
  return entries.sort((a, b) => a.port - b.port);
}
