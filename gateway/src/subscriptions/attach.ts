import type { Server } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import type { Logger } from '@drobble/kit/logger';
import type { GatewayConfig } from '../config.ts';
import type { GatewayContext } from '../context.ts';
import type { QueryLimits } from '../limits/query-limits.ts';
import type { Revocations } from '../revocations.ts';
import { EventHub } from './event-hub.ts';
import { startSubscriptionServer } from './ws-server.ts';

/** Follows the gateway's API schema (graphql-ws validates against it); call before `apollo.start()`. */
export function trackApiSchema(gateway: ApolloGateway): () => GraphQLSchema | undefined {
  let current: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    current = apiSchema;
  });
  return () => current;
}

export interface AttachSubscriptionsOptions {
  config: GatewayConfig;
  httpServer: Server;
  path: string;
  apollo: ApolloServer<GatewayContext>;
  schema: () => GraphQLSchema | undefined;
  bus: EventBus;
  /** Revoked sessions: their connections end, their tokens cannot open new ones. */
  revocations: Revocations;
  logger: Logger;
  limits: QueryLimits;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

export type RunningSubscriptions = Awaited<ReturnType<typeof attachSubscriptions>>;

/** graphql-ws on the gateway's HTTP server, fed by this replica's event hub and ban watch. */
export async function attachSubscriptions(options: AttachSubscriptionsOptions) {
  const { config } = options;
  const logger = options.logger.child({ component: 'subscriptions' });
  const hub = new EventHub(options.bus, logger);
  const server = startSubscriptionServer({
    httpServer: options.httpServer,
    path: options.path,
    apollo: options.apollo,
    schema: options.schema,
    hub,
    revocations: options.revocations,
    logger,
    corsOrigins: config.CORS_ORIGINS,
    accessTokenPublicKey: config.ACCESS_TOKEN_PUBLIC_KEY as KeyObject,
    limits: options.limits,
    production: config.NODE_ENV === 'production',
    formatError: options.formatError,
    initTimeoutMs: config.WS_INIT_TIMEOUT_MS,
    keepAliveMs: config.WS_KEEPALIVE_MS,
    maxPayloadBytes: config.WS_MAX_PAYLOAD_BYTES,
  });
  return {
    hub,
    connections: server.connections,
    async close() {
      await server.close();
    },
  };
}
