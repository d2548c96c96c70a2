/**
 * `npm run compose`: composes every registered subgraph's SDL into schema/supergraph.graphql and
 * schema/api.graphql, and writes rover.yaml. `--check` writes nothing and fails when any of them
 * is stale (CI runs it).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CompositionError, composeSupergraph } from './composition.ts';
import { roverConfig } from './rover-config.ts';
import { listSubgraphs, repoRoot } from './subgraphs.ts';

const check = process.argv.includes('--check');

function main(): number {
  const subgraphs = listSubgraphs();
  const { supergraphSdl, apiSdl } = composeSupergraph(subgraphs);
  const outputs: Record<string, string> = {
    [join(repoRoot, 'schema', 'supergraph.graphql')]: supergraphSdl,
    [join(repoRoot, 'schema', 'api.graphql')]: `${apiSdl}\n`,
    [join(repoRoot, 'rover.yaml')]: roverConfig(subgraphs),
  };
  const stale = Object.entries(outputs).filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text);
  if (check) {
    for (const [path] of stale) process.stderr.write(`stale: ${path} (run npm run compose)\n`);
    if (stale.length === 0) process.stdout.write(`supergraph is fresh (${subgraphs.map((s) => s.name).join(', ')})\n`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const [path, text] of stale) writeFileSync(path, text);
  process.stdout.write(`composed ${subgraphs.length} subgraphs (${subgraphs.map((s) => s.name).join(', ')}); ${stale.length} file(s) updated\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof CompositionError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
