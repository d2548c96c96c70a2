import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { listCost } from './list-cost.ts';
import { assertTokenLimit, queryTooComplex, type QueryLimits } from './query-limits.ts';

/**
 * The limits Armor's validation rules cannot express: the token count (checked on the source before
 * graphql parses it) and the pageSize-aware list cost (needs the variables, so it runs once the
 * operation is resolved; still before any subgraph is called).
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          if (source !== undefined) assertTokenLimit(source, limits);
        },
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          assertListCost(limits, listCost(schema, operation, fragmentsOf(document), request.variables ?? {}));
        },
      };
    },
  };
}

export function assertListCost(limits: QueryLimits, cost: number): void {
  if (cost <= limits.maxListCost) return;
  throw queryTooComplex(limits.exposeLimits ? `Query list cost limit of ${limits.maxListCost} exceeded, found ${cost}.` : 'The query is too complex');
}

export const fragmentsOf = (document: { definitions: readonly { kind: string }[] }) =>
  document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
