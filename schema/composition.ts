import { readFileSync } from 'node:fs';
import { composeServices, type CompositionSuccess } from '@apollo/composition';
import { printSchema } from '@apollo/federation-internals';
import { parse } from 'graphql';
import type { SubgraphEntry } from './subgraphs.ts';

/**
 * Hint codes we accept knowingly. Any other hint fails `npm run compose` (and so CI): hints
 * usually mean two subgraphs disagree about a shared type.
 */
const ACCEPTED_HINTS = new Set<string>([]);

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
  const hints = result.hints.filter((hint) => !ACCEPTED_HINTS.has(hint.definition.code));
  if (hints.length > 0) {
    throw new CompositionError(`Composition hints to act on:\n${hints.map((hint) => `- [${hint.definition.code}] ${hint.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, apiSdl: printSchema(result.schema.toAPISchema()), hints: result.hints };
}
