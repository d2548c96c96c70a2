import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DomainError, type ErrorCode } from '@drobble/kit/errors';
import type { GatewayContext } from './context.ts';

const raised = new WeakSet<Error>();

/**
 * An error the gateway raises itself before execution (limits, partners, rate limits): a contract
 * code (carried by a DomainError so the formatter keeps it), a client-facing message and the HTTP
 * status Apollo Server should answer with.
 */
export function requestError(code: ErrorCode, message: string, status: number, extensions: Record<string, unknown> = {}, headers?: Record<string, string>): GraphQLError {
  const http = headers ? { status, headers: new Map(Object.entries(headers)) } : { status };
  const error = new GraphQLError(message, {
    originalError: new DomainError(code, message, { extensions }),
    extensions: { ...extensions, code, http },
  });
  raised.add(error);
  return error;
}

/**
 * Apollo Server turns anything thrown by a plugin hook before validation (requestDidStart,
 * parsingDidStart) into a masked 500. Rethrowing a request error from this hook makes Apollo answer
 * it instead, with its own status and code.
 */
export function requestErrorsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async unexpectedErrorProcessingRequest({ error }) {
      if (raised.has(error)) throw error;
    },
  };
}
