import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { createInternalTokenSigner } from '@drobble/kit/auth/internal-token';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { createLogger, type Logger } from '@drobble/kit/logger';
import { startHttpServer } from '@drobble/kit/server/http-server';
import { createMetrics } from '@drobble/kit/server/metrics';
import { createViewerResolver } from './auth.ts';
import { parseGatewayConfig, type GatewayConfig } from './config.ts';
import type { GatewayContext } from './context.ts';
import { DrobbleDataSource, createSubgraphFetcher, type Fetcher } from './data-source.ts';
import { createGatewayErrorFormatter } from './format-error.ts';
import { queryLimitsOf } from './limits/config.ts';
import { httpSubscriptionsRefusedPlugin } from './limits/http-subscriptions.ts';
import { queryLimitsPlugin } from './limits/plugin.ts';
import type { QueryLimits } from './limits/query-limits.ts';
import { startPartnerAccess } from './partners/attach.ts';
import { buildPlugins } from './plugins.ts';
import { requestErrorsPlugin } from './request-error.ts';
import { subgraphReadinessChecks } from './readiness.ts';
import { withStripeWebhook } from './stripe-webhook-proxy.ts';
import { buildValidationRules } from './validation.ts';
import { GRAPHQL_PATH, createGatewayRoutes } from './routes.ts';
import { attachSubscriptions, trackApiSchema } from './subscriptions/attach.ts';
import { listSubgraphs, readSupergraph, resolveSubgraphUrls, type SubgraphEndpoint } from './supergraph.ts';
import { watchRevocations } from './revocations.ts';

export interface StartGatewayOptions {
  /** Read with parseGatewayConfig; see config.ts for the variables. */
  env: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Extra Apollo Server plugins, appended after the gateway's own (see plugins.ts). */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /** The platform's event bus (subscriptions, partner keys); else one from NATS_URL, owned by the gateway. */
  bus?: EventBus;
}

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:4000. */
  url: string;
  port: number;
  /** `${url}/graphql`. */
  graphqlUrl: string;
  /** The node:http server, for a WebSocket server (graphql-ws) to attach to on the same port. */
  httpServer: Server;
  gateway: ApolloGateway;
  subgraphs: SubgraphEndpoint[];
  /** Open graphql-ws sockets and local subscribers per event subject (tests, metrics). */
  subscriptions: { connections(): number; subscribers(): Record<string, number> };
  stop(): Promise<void>;
}

function createApolloGateway(config: GatewayConfig, supergraphSdl: string, subgraphs: SubgraphEndpoint[], fetcher: Fetcher, logger: Logger) {
  const signInternalToken = createInternalTokenSigner(config.INTERNAL_TOKEN_PRIVATE_KEY);
  const urls = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  return new ApolloGateway({
    supergraphSdl,
    logger: logger.child({ component: 'apollo-gateway' }),
    experimental_approximateQueryPlanStoreMiB: config.QUERY_PLAN_CACHE_MB,
    __exposeQueryPlanExperimental: config.NODE_ENV !== 'production',
    buildService: ({ name, url }) =>
      new DrobbleDataSource({ name, url: urls.get(name) ?? url!, signInternalToken, fetcher, logger: logger.child({ subgraph: name }) }),
  });
}

function createApolloServer(config: GatewayConfig, gateway: ApolloGateway, logger: Logger, limits: QueryLimits, plugins: ApolloServerPlugin<GatewayContext>[]) {
  const production = config.NODE_ENV === 'production';
  const apqBytes = config.APQ_CACHE_MB * 1024 * 1024;
  return new ApolloServer<GatewayContext>({
    gateway,
    logger,
    nodeEnv: config.NODE_ENV,
    formatError: createGatewayErrorFormatter(logger),
    // APQ: query texts by sha256, least recently used evicted past APQ_CACHE_MB (bounded memory).
    persistedQueries: { cache: new InMemoryLRUCache<string>({ maxSize: apqBytes, sizeCalculation: InMemoryLRUCache.sizeCalculation }), ttl: null },
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    // main.ts (or the embedded platform) drains subscriptions, the bus and the server on a signal.
    stopOnTerminationSignals: false,
    validationRules: buildValidationRules(limits),
    plugins,
  });
}

/** Starts the gateway: supergraph -> ApolloGateway -> Apollo Server 5 on the kit's HTTP server. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  // @apollo/gateway otherwise exports usage metrics to Apollo's servers from every process.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const config = parseGatewayConfig(options.env);
  const logger = options.logger ?? createLogger('gateway');
  const supergraphSdl = await readSupergraph(config.SUPERGRAPH_PATH);
  const { subgraphs, unusedOverrides } = resolveSubgraphUrls(listSubgraphs(supergraphSdl), config.subgraphUrls);
  if (unusedOverrides.length > 0) logger.warn({ variables: unusedOverrides }, 'subgraph URL overrides name no subgraph of the supergraph');
  const production = config.NODE_ENV === 'production';
  const metrics = createMetrics('gateway');
  const fetcher = createSubgraphFetcher(config.SUBGRAPH_TIMEOUT_MS);
  const gateway = createApolloGateway(config, supergraphSdl, subgraphs, fetcher, logger);
  const limits = queryLimitsOf(config);
  const ownBus = options.bus ? undefined : await createEventBus({ natsUrl: config.NATS_URL, logger, namespace: config.BUS_NAMESPACE, connectionName: 'gateway' });
  const bus = (options.bus ?? ownBus)!;
  const partners = await startPartnerAccess({ config, bus, logger, subgraphs });
  const revocations = await watchRevocations(bus);
  const gatewayPlugins = [requestErrorsPlugin(), partners.plugin, queryLimitsPlugin(limits), httpSubscriptionsRefusedPlugin(), ...(options.plugins ?? [])];
  const apollo = createApolloServer(config, gateway, logger, limits, buildPlugins({ production, metrics, extra: gatewayPlugins }));
  const apiSchema = trackApiSchema(gateway);
  await apollo.start();
  const handle = createGatewayRoutes({
    apollo,
    logger,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    corsOrigins: config.CORS_ORIGINS,
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    landingPage: !production,
    resolveViewer: createViewerResolver(config.ACCESS_TOKEN_PUBLIC_KEY, revocations),
    resolvePartner: partners.resolvePartner,
  });
  const readiness = subgraphReadinessChecks(subgraphs, fetcher, config.READY_CACHE_MS);
  // POST /webhooks/stripe is forwarded, raw, to the payments subgraph (see stripe-webhook-proxy.ts).
  const routes = withStripeWebhook(handle, { subgraphs, logger, timeoutMs: config.SUBGRAPH_TIMEOUT_MS });
  const http = await startHttpServer({ port: config.PORT, host: config.HOST, logger, metrics, readiness, handle: routes }).catch(async (error: unknown) => {
    await apollo.stop();
    await partners.stop();
    revocations.stop();
    await ownBus?.close();
    throw error;
  });
  const formatError = createGatewayErrorFormatter(logger);
  const subscriptions = await attachSubscriptions({ config, httpServer: http.server, path: GRAPHQL_PATH, apollo, schema: apiSchema, bus, revocations, logger, limits, formatError });
  logger.info({ url: `${http.url}${GRAPHQL_PATH}`, subgraphs }, 'gateway ready');
  return {
    url: http.url,
    port: http.port,
    graphqlUrl: `${http.url}${GRAPHQL_PATH}`,
    httpServer: http.server,
    gateway,
    subgraphs,
    subscriptions: { connections: subscriptions.connections, subscribers: () => subscriptions.hub.counts() },
    stop: async () => {
      await subscriptions.close();
      await http.stop();
      await apollo.stop();
      await partners.stop();
      revocations.stop();
      await ownBus?.close();
    },
  };
}
