import type { IncomingMessage, Server } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { ApolloServer } from '@apollo/server';
import { CloseCode, type Context, type SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { verifyAccessToken } from '@drobble/kit/auth/access-token';
import { anonymousViewer, type Viewer } from '@drobble/kit/auth/viewer';
import type { Logger } from '@drobble/kit/logger';
import { readCredentials } from '../auth.ts';
import type { GatewayContext } from '../context.ts';
import { createOriginMatcher, isSameOrigin } from '../cors.ts';
import type { QueryLimits } from '../limits/query-limits.ts';
import type { Revocations } from '../revocations.ts';
import type { EventHub } from './event-hub.ts';
import { liveFields } from './live-fields.ts';
import { executeThroughGateway, startLiveSubscription, toGraphQLErrors } from './live-subscription.ts';
import { prepareWsOperation } from './ws-operation.ts';

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  apollo: ApolloServer<GatewayContext>;
  /** The API schema of the current supergraph. */
  schema: () => GraphQLSchema | undefined;
  hub: EventHub;
  revocations: Revocations;
  logger: Logger;
  corsOrigins: readonly string[];
  accessTokenPublicKey: KeyObject;
  limits: QueryLimits;
  production: boolean;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  initTimeoutMs: number;
  keepAliveMs: number;
  maxPayloadBytes: number;
}

interface Session {
  viewer: Viewer;
  cleanups: (() => void)[];
}

type WsContext = Context<Record<string, unknown> | undefined, Extra & { session?: Session }>;

/** The longest delay setTimeout honours (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
}

/**
 * graphql-ws (graphql-transport-ws) on the HTTP server's port and path. Browsers' Origin is checked
 * against the CORS allowlist at the upgrade; the access token comes in connectionParams; the
 * connection ends (4403) when that token expires or identity revokes its session (logout, ban,
 * role change, …).
 */
export function startSubscriptionServer(options: SubscriptionServerOptions) {
  const { logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });
  const isAllowedOrigin = createOriginMatcher(options.corsOrigins);

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (path !== options.path) return refuseUpgrade(socket, 404, 'Not Found');
    const origin = request.headers.origin;
    // Same-origin pages (Apollo Sandbox on the gateway's own landing page) are not cross-site.
    if (typeof origin === 'string' && !isSameOrigin(origin, request.headers.host) && !isAllowedOrigin(origin)) return refuseUpgrade(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  const contextOf = (session: Session): GatewayContext => {
    const correlationId = crypto.randomUUID();
    return { viewer: session.viewer, correlationId, logger: logger.child({ correlationId }) };
  };

  const disposable = useServer<Record<string, unknown> | undefined, { session?: Session }>(
    {
      connectionInitWaitTimeout: options.initTimeoutMs,
      onConnect: async (ctx: WsContext) => {
        const credentials = readCredentials(ctx.connectionParams?.authorization as string | undefined);
        if (credentials.kind === 'malformed') return false;
        const session: Session = { viewer: anonymousViewer, cleanups: [] };
        if (credentials.kind === 'bearer') {
          const verified = await verifyAccessToken(credentials.token, options.accessTokenPublicKey);
          if (!verified || options.revocations.isRevoked(verified.viewer)) return false;
          session.viewer = verified.viewer;
          const socket = ctx.extra.socket;
          const timer = setTimeout(() => socket.close(CloseCode.Forbidden, 'Forbidden: access token expired'), Math.min(MAX_TIMER_MS, verified.expiresAt.getTime() - Date.now()));
          session.cleanups.push(() => clearTimeout(timer));
          session.cleanups.push(options.revocations.watch(verified.viewer.sessionId, () => socket.close(CloseCode.Forbidden, 'Forbidden: session revoked')));
        }
        ctx.extra.session = session;
        return true;
      },
      onClose: (ctx: WsContext) => {
        for (const cleanup of ctx.extra.session?.cleanups.splice(0) ?? []) cleanup();
      },
      onSubscribe: async (ctx: WsContext, _id: string, payload: SubscribePayload) => {
        const schema = options.schema();
        const session = ctx.extra.session;
        if (!schema || !session) return toGraphQLErrors([{ message: 'The gateway is not ready', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
        const prepared = prepareWsOperation(schema, payload, options);
        if ('errors' in prepared) return prepared.errors;
        return { schema, document: prepared.document, operationName: payload.operationName, variableValues: payload.variables ?? {}, contextValue: contextOf(session) };
      },
      execute: (args) => executeThroughGateway(options.apollo, args.document.loc?.source.body ?? '', args.variableValues ?? {}, args.contextValue as GatewayContext, args.operationName),
      subscribe: (args) =>
        startLiveSubscription(
          { apollo: options.apollo, hub: options.hub, live: liveFields },
          { schema: args.schema, document: args.document, operationName: args.operationName, variables: args.variableValues ?? {}, context: args.contextValue as GatewayContext },
        ),
    },
    wss,
    options.keepAliveMs,
  );

  return {
    /** Open sockets (tests, metrics). */
    connections: () => wss.clients.size,
    async close(): Promise<void> {
      options.httpServer.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'Going away');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
