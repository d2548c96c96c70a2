import { readFileSync } from 'node:fs';
import { composeServices, type CompositionSuccess } from '@apollo/composition';
import { printSchema } from '@apollo/federation-internals';
import { parse } from 'graphql';
import type { SubgraphEntry } from './subgraphs.ts';

/**
 * Hints we accept knowingly, each for one coordinate. Any other hint fails `npm run compose` (and so
 * CI): hints usually mean two subgraphs disagree about a shared type.
 */
const ACCEPTED_HINTS: readonly { code: string; coordinate: string }[] = [
  // The contract's ErrorCode is read from extensions.code, never from a field: unused by design.
  { code: 'UNUSED_ENUM_TYPE', coordinate: 'ErrorCode' },
];
const isAccepted = (hint: CompositionSuccess['hints'][number]) =>
  ACCEPTED_HINTS.some((accepted) => accepted.code === hint.definition.code && accepted.coordinate === hint.coordinate);

export interface Composition {
  supergraphSdl: string;
  /** The client-facing schema (no join__ or @inaccessible parts): codegen input for clients. */
  apiSdl: string;
  hints: CompositionSuccess['hints'];
}

export class CompositionError extends Error {
  override name = 'CompositionError';
}

export function composeSupergraph(subgraphs: SubgraphEntry[]): Composition {
  const services = subgraphs.map((subgraph) => ({
    name: subgraph.name,
    url: subgraph.routingUrl,
    typeDefs: parse(readFileSync(subgraph.schemaPath, 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  const hints = result.hints.filter((hint) => !isAccepted(hint));
  if (hints.length > 0) {
    throw new CompositionError(`Composition hints to act on:\n${hints.map((hint) => `- [${hint.definition.code}] ${hint.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, apiSdl: printSchema(result.schema.toAPISchema()), hints: result.hints };
}
