import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { INTERNAL_TOKEN_HEADER, createInternalTokenVerifier } from '../auth/internal-token.ts';
import { createErrorFormatter } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { createGraphQLHandler } from './graphql-handler.ts';
import type { ReadinessChecks } from './health.ts';
import { sendGraphQLError } from './http.ts';
import { startHttpServer, type RouteHandler, type RunningHttpServer } from './http-server.ts';
import { createMetrics } from './metrics.ts';
import { correlationIdOf, idempotencyKeyOf, type RequestContext } from './request-context.ts';

export interface SubgraphServerOptions<C extends RequestContext> {
  name: string;
  /** Built with buildSubgraphSchema from the subgraph's schema.graphql and resolvers. */
  schema: GraphQLSchema;
  port: number;
  host?: string;
  logger: Logger;
  /** The gateway's public key: requests without a valid internal token are refused (401). */
  internalPublicKey: KeyObject;
  readiness: ReadinessChecks;
  createContext: (base: RequestContext) => C | Promise<C>;
  bodyLimitBytes?: number;
  /**
   * Extra HTTP routes served beside /graphql, WITHOUT the internal-token check (e.g. payments'
   * POST /webhooks/stripe, which authenticates by signature). Resolve false for paths not theirs.
   */
  routes?: RouteHandler;
}

export interface RunningSubgraph extends RunningHttpServer {
  graphqlUrl: string;
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Starts a subgraph: GraphQL at /graphql answered only to the gateway (verified internal token),
 * plus /health, /ready and /metrics.
 */
export async function startSubgraphServer<C extends RequestContext>(options: SubgraphServerOptions<C>): Promise<RunningSubgraph> {
  const { logger } = options;
  const metrics = createMetrics(options.name);
  const verify = createInternalTokenVerifier(options.internalPublicKey);
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // Only the gateway can reach this endpoint (internal token), and it needs _service.
    introspection: true,
    // No Apollo Studio here: federated traces (ftv1) would only cost time on every request.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    // The process's own shutdown (standalone.ts) stops the server after draining consumers.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const handleGraphQL = createGraphQLHandler(apollo, {
    bodyLimitBytes: options.bodyLimitBytes ?? 1_000_000,
    context: async (request, response) => {
      const viewer = await verify(headerValue(request, INTERNAL_TOKEN_HEADER));
      if (!viewer) {
        sendGraphQLError(response, 401, 'UNAUTHENTICATED', 'This service only answers the Drobble gateway');
        return null;
      }
      const correlationId = correlationIdOf(request);
      return options.createContext({ viewer, correlationId, logger: logger.child({ correlationId }), idempotencyKey: idempotencyKeyOf(request) });
    },
  });
  const http = await startHttpServer({
    port: options.port,
    host: options.host,
    logger,
    metrics,
    readiness: options.readiness,
    handle: async (request, response, url) => {
      if (url.pathname !== '/graphql') return options.routes ? options.routes(request, response, url) : false;
      await handleGraphQL(request, response, url);
      return true;
    },
  });
  logger.info({ url: `${http.url}/graphql` }, `${options.name} subgraph ready`);
  return {
    ...http,
    graphqlUrl: `${http.url}/graphql`,
    stop: async () => {
      await http.stop();
      await apollo.stop();
    },
  };
}
