import type { KeyObject } from 'node:crypto';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CORRELATION_ID_HEADER, INTERNAL_TOKEN_HEADER, createInternalTokenSigner } from '@drobble/kit/auth/internal-token';
import { IDEMPOTENCY_KEY_HEADER } from '@drobble/kit/server/request-context';
import { anonymousViewer, type Viewer } from '@drobble/kit/auth/viewer';
import { ErrorCode } from '@drobble/kit/errors';
import type { Logger } from '@drobble/kit/logger';

/** The part of the gateway's request context a subgraph fetch needs. */
export interface SubgraphCallContext {
  viewer?: Viewer;
  correlationId?: string;
  idempotencyKey?: string | null;
}

/** The fetch function type RemoteGraphQLDataSource accepts. */
export type Fetcher = NonNullable<RemoteGraphQLDataSource['fetcher']>;

export type InternalTokenSigner = ReturnType<typeof createInternalTokenSigner>;

/**
 * Node's built-in fetch (undici) keeps connections to each subgraph alive and reuses them (the kit's
 * subgraph servers keep idle connections 65 s and say so in `Keep-Alive`), so a gateway request costs
 * no TCP handshake. Each fetch is bounded by `timeoutMs`.
 */
export function createSubgraphFetcher(timeoutMs: number): Fetcher {
  return ((url: string, init: RequestInit = {}) =>
    fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
}

export interface DrobbleDataSourceOptions {
  name: string;
  url: string;
  signInternalToken: InternalTokenSigner;
  fetcher: Fetcher;
  logger: Logger;
}

/**
 * Calls one subgraph on behalf of a verified viewer: every request carries the gateway-signed
 * internal token (the only credential a subgraph accepts) and the request's correlation id.
 * Transport failures are logged here in full and reach the client only as INTERNAL_SERVER_ERROR.
 */
export class DrobbleDataSource extends RemoteGraphQLDataSource<SubgraphCallContext> {
  readonly #signInternalToken: InternalTokenSigner;
  readonly #logger: Logger;
  readonly #name: string;

  constructor(options: DrobbleDataSourceOptions) {
    super({ url: options.url, fetcher: options.fetcher });
    this.#signInternalToken = options.signInternalToken;
    this.#logger = options.logger;
    this.#name = options.name;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<SubgraphCallContext>): Promise<void> {
    const headers = request.http!.headers;
    headers.set(INTERNAL_TOKEN_HEADER, await this.#signInternalToken(context.viewer ?? anonymousViewer));
    if (context.correlationId) headers.set(CORRELATION_ID_HEADER, context.correlationId);
    if (context.idempotencyKey) headers.set(IDEMPOTENCY_KEY_HEADER, context.idempotencyKey);
  }

  /** A non-2xx answer (e.g. the subgraph refusing our internal token): log the details, tell the client nothing about them. */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body = await response.text().catch(() => '');
    this.#logger.error({ subgraph: this.#name, status: response.status, body: body.slice(0, 2_000) }, 'subgraph answered with an HTTP error');
    return new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  }

  override didEncounterError(error: Error): void {
    if (!(error instanceof GraphQLError)) this.#logger.error({ err: error, subgraph: this.#name }, 'subgraph request failed');
    throw error;
  }
}
