import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.ts';

/** The contract's ErrorCode set: the only codes a client ever sees in extensions.code. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  PAYMENT_DECLINED: 'PAYMENT_DECLINED',
  RATE_LIMITED: 'RATE_LIMITED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_ALLOWED: 'PERSISTED_QUERY_NOT_ALLOWED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const knownCodes = new Set<string>(Object.values(ErrorCode));

export interface DomainErrorOptions {
  /** The input field at fault, for BAD_USER_INPUT and friends. */
  field?: string;
  /** Extra, safe-to-show facts (e.g. retryAfterSeconds). */
  extensions?: Record<string, unknown>;
}

/** An expected failure with a stable code; its message is shown to the client as is. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.extensions = options.extensions ?? {};
  }
}

export const badInput = (field: string, message: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });
export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string) => new DomainError(ErrorCode.CONFLICT, message);

/** Codes Apollo Server itself raises for malformed requests; safe to pass through as BAD_USER_INPUT. */
const apolloRequestCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function findDomainError(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * Apollo `formatError`: domain errors keep their code, message and field; request errors become
 * BAD_USER_INPUT; anything else is logged in full and returned as a masked INTERNAL_SERVER_ERROR.
 * Nothing else (stack traces, SQL, exception details) leaves the service.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const domain = findDomainError(error);
    if (domain) {
      const extensions: Record<string, unknown> = { ...domain.extensions, code: domain.code };
      if (domain.field) extensions.field = domain.field;
      return { message: domain.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (knownCodes.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: pickSafe(formatted.extensions, code) };
    }
    if (apolloRequestCodes.has(code)) {
      const mapped = code === 'PERSISTED_QUERY_NOT_FOUND' ? code : ErrorCode.BAD_USER_INPUT;
      return { message: formatted.message, locations: formatted.locations, extensions: { code: mapped } };
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

function pickSafe(extensions: Record<string, unknown> | undefined, code: string): Record<string, unknown> {
  const { stacktrace: _stack, exception: _exception, ...rest } = extensions ?? {};
  return { ...rest, code };
}

/** A GraphQLError carrying a contract code, for places that must throw GraphQL errors directly. */
export const graphqlError = (code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { ...extensions, code } });
