import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse } from 'graphql';
import { resolvers } from './resolvers.ts';

/** Absolute path of the SDL (composition input). */
export const schemaPath = fileURLToPath(new URL('./schema.graphql', import.meta.url));

export function buildPartnersSchema() {
  const typeDefs = parse(readFileSync(schemaPath, 'utf8'));
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as unknown as GraphQLResolverMap<unknown> }]);
}
