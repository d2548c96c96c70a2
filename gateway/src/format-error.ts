import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, createErrorFormatter } from '@drobble/kit/errors';
import type { Logger } from '@drobble/kit/logger';

/** Extensions the gateway or a subgraph's transport adds that describe our internals, never the client's problem. */
const INTERNAL_EXTENSIONS = ['serviceName', 'response', 'stacktrace', 'exception'];

/**
 * Apollo Server rejects some malformed requests (e.g. an APQ hash that does not match its query)
 * with a 4xx status but no code; those are the client's mistake, not ours to mask.
 */
function isApolloRequestError(formatted: GraphQLFormattedError, error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: number } } } | undefined)?.extensions;
  if (extensions?.code !== undefined || formatted.extensions?.serviceName !== undefined) return false;
  const status = extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * The kit's formatter (contract codes pass, everything else is masked INTERNAL_SERVER_ERROR), plus
 * removal of what federation attaches to subgraph errors: the subgraph's name and HTTP details.
 */
export function createGatewayErrorFormatter(logger: Logger) {
  const format = createErrorFormatter(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isApolloRequestError(formatted, error)) return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    const result = format(formatted, error);
    if (!result.extensions) return result;
    const extensions = { ...result.extensions };
    for (const name of INTERNAL_EXTENSIONS) delete extensions[name];
    return { ...result, extensions };
  };
}
