import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorCallbackConfiguration } from '@escape.tech/graphql-armor-types';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { ErrorCode } from '@drobble/kit/errors';
import { graphqlRuntime } from '../graphql-runtime.ts';
import { requestError } from '../request-error.ts';

export interface QueryLimits {
  maxDepth: number;
  /** GraphQL Armor's structural cost (objects, scalars, depth factor). */
  maxCost: number;
  /** Our list-size cost: fields weighted by the pageSize of every list around them (see list-cost.ts). */
  maxListCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Production: messages never reveal the limits. */
  exposeLimits: boolean;
}

const HIDDEN = 'The query is too complex';

/** The error every limit reports: QUERY_TOO_COMPLEX, HTTP 400, raised before any subgraph is called. */
export const queryTooComplex = (message: string): GraphQLError => requestError(ErrorCode.QUERY_TOO_COMPLEX, message, 400);

/** Armor's messages start with "Syntax Error: "; ours do not, and say nothing of the limit in production. */
const messageOf = (error: GraphQLError, limits: QueryLimits) => (limits.exposeLimits ? error.message.replace(/^Syntax Error: /, '') : HIDDEN);

/**
 * Armor reports with a plain GraphQLError (Apollo would call it GRAPHQL_VALIDATION_FAILED); we take
 * the rejection through `onReject`, stop its own propagation and report our QUERY_TOO_COMPLEX.
 */
function armorCallbacks(limits: QueryLimits): GraphQLArmorCallbackConfiguration & { exposeLimits: boolean } {
  return {
    exposeLimits: limits.exposeLimits,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(queryTooComplex(messageOf(error, limits)))],
  };
}

/** GraphQL Armor's validation rules with our limits; the same list runs for HTTP and graphql-ws. */
export function armorValidationRules(limits: QueryLimits): ValidationRule[] {
  const callbacks = armorCallbacks(limits);
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...callbacks }),
    costLimitRule({ maxCost: limits.maxCost, ...callbacks }),
    maxAliasesRule({ n: limits.maxAliases, ...callbacks }),
    maxDirectivesRule({ n: limits.maxDirectives, ...callbacks }),
  ] as unknown as ValidationRule[];
}

/** Armor's token-counting lexer, run on the source before graphql's parse; throws QUERY_TOO_COMPLEX. */
export function assertTokenLimit(source: string, limits: QueryLimits): void {
  let rejected: GraphQLError | undefined;
  const parser = new MaxTokensParserWLexer(source, {
    n: limits.maxTokens,
    exposeLimits: limits.exposeLimits,
    propagateOnRejection: true,
    onReject: [(_context: unknown, error: GraphQLError) => (rejected ??= error)],
  } as never);
  try {
    parser.parseDocument();
  } catch (error) {
    if (rejected) throw queryTooComplex(messageOf(rejected, limits));
    if (!(error instanceof graphqlRuntime.GraphQLError)) throw error;
    // A plain syntax error: graphql's own parse reports it next, as usual.
  }
}
