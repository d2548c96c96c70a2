import { readFile } from 'node:fs/promises';
import { Kind, parse, type ConstValueNode } from 'graphql';
import { ConfigError } from '@drobble/kit/config/load-config';
import { subgraphUrlVariable } from './config.ts';

export interface SubgraphEndpoint {
  /** The subgraph's name in the supergraph (join__graph name), e.g. "catalog". */
  name: string;
  /** Its GraphQL URL: the SUBGRAPH_<NAME>_URL override, else the supergraph's routing URL. */
  url: string;
}

export async function readSupergraph(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found (run `npm run compose`)' : (error as Error).message;
    throw new ConfigError(`Invalid configuration:\nSUPERGRAPH_PATH: cannot read ${path}: ${reason}`);
  }
}

const stringArg = (value: ConstValueNode | undefined) => (value?.kind === Kind.STRING ? value.value : undefined);

/** The subgraphs a supergraph routes to, read from its `enum join__Graph` values. */
export function listSubgraphs(supergraphSdl: string): SubgraphEndpoint[] {
  const document = parse(supergraphSdl, { noLocation: true });
  const graphs = document.definitions.find((node) => node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === 'join__Graph');
  if (!graphs || graphs.kind !== Kind.ENUM_TYPE_DEFINITION) throw new ConfigError('Invalid configuration:\nSUPERGRAPH_PATH: not a supergraph (no join__Graph enum)');
  return (graphs.values ?? []).map((value) => {
    const directive = value.directives?.find((d) => d.name.value === 'join__graph');
    const arg = (name: string) => stringArg(directive?.arguments?.find((a) => a.name.value === name)?.value);
    return { name: arg('name') ?? value.name.value.toLowerCase(), url: arg('url') ?? '' };
  });
}

/**
 * Applies SUBGRAPH_<NAME>_URL overrides. Every subgraph must end up with a URL; an override naming
 * no subgraph is reported to the caller (a typo would otherwise silently do nothing).
 */
export function resolveSubgraphUrls(subgraphs: SubgraphEndpoint[], overrides: Record<string, string>) {
  const resolved = subgraphs.map((subgraph) => {
    const key = subgraph.name.toLowerCase().replace(/[^a-z0-9]/g, '_');
    return { name: subgraph.name, url: overrides[key] ?? subgraph.url };
  });
  const missing = resolved.filter((subgraph) => !subgraph.url);
  if (missing.length > 0) {
    const lines = missing.map((subgraph) => `${subgraphUrlVariable(subgraph.name)}: subgraph "${subgraph.name}" has no routing URL in the supergraph; set this variable`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const known = new Set(subgraphs.map((subgraph) => subgraphUrlVariable(subgraph.name)));
  const unused = Object.keys(overrides).map((key) => `SUBGRAPH_${key.toUpperCase()}_URL`).filter((name) => !known.has(name));
  return { subgraphs: resolved, unusedOverrides: unused };
}
