import type { DocumentNode, GraphQLError as GraphQLErrorType, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { DomainError } from '@drobble/kit/errors';
import { assertListCost, fragmentsOf } from '../limits/plugin.ts';
import { listCost } from '../limits/list-cost.ts';
import { assertTokenLimit, type QueryLimits } from '../limits/query-limits.ts';
import { graphqlRuntime } from '../graphql-runtime.ts';
import { buildValidationRules } from '../validation.ts';
import { toGraphQLErrors } from './live-subscription.ts';

export interface WsOperationOptions {
  limits: QueryLimits;
  production: boolean;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

const { GraphQLError, getOperationAST, parse, specifiedRules, validate } = graphqlRuntime;
type GraphQLError = GraphQLErrorType;

const SUGGESTION = /\s*Did you mean .*\?$/;

/** Marks graphql's own validation errors as Apollo does, so the gateway's formatter treats them alike. */
function asRequestError(error: GraphQLError, code: string, production: boolean): GraphQLError {
  if (error.originalError instanceof DomainError) return error;
  const message = production ? error.message.replace(SUGGESTION, '') : error.message;
  return new GraphQLError(message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
}

/**
 * The checks an HTTP request gets before execution, for a graphql-ws operation: token limit, parse,
 * the same validation rules (GraphQL Armor's limits included) and the list cost with its variables.
 * Errors come back formatted by the gateway's formatter (QUERY_TOO_COMPLEX, BAD_USER_INPUT...).
 */
export function prepareWsOperation(schema: GraphQLSchema, payload: SubscribePayload, options: WsOperationOptions): { document: DocumentNode } | { errors: GraphQLError[] } {
  const format = (errors: GraphQLError[]) => ({ errors: toGraphQLErrors(errors.map((error) => options.formatError(error.toJSON(), error))) });
  if (typeof payload.query !== 'string' || payload.query === '') return format([asRequestError(new GraphQLError('A query is required'), 'BAD_REQUEST', false)]);
  let document: DocumentNode;
  try {
    assertTokenLimit(payload.query, options.limits);
    document = parse(payload.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return format([asRequestError(error, 'GRAPHQL_PARSE_FAILED', options.production)]);
  }
  const invalid = validate(schema, document, [...specifiedRules, ...buildValidationRules(options.limits)]);
  if (invalid.length > 0) return format(invalid.map((error) => asRequestError(error, 'GRAPHQL_VALIDATION_FAILED', options.production)));
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return format([asRequestError(new GraphQLError('Unable to identify operation'), 'BAD_REQUEST', false)]);
  try {
    assertListCost(options.limits, listCost(schema, operation, fragmentsOf(document), payload.variables ?? {}));
  } catch (error) {
    if (error instanceof GraphQLError) return format([error]);
    return format([asRequestError(new GraphQLError('Invalid variables'), 'BAD_USER_INPUT', false)]);
  }
  return { document };
}
