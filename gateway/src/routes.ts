import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { CORRELATION_ID_HEADER } from '@drobble/kit/auth/internal-token';
import { anonymousViewer, type Viewer } from '@drobble/kit/auth/viewer';
import type { Logger } from '@drobble/kit/logger';
import { createGraphQLHandler } from '@drobble/kit/server/graphql-handler';
import type { RouteHandler } from '@drobble/kit/server/http-server';
import { correlationIdOf, idempotencyKeyOf } from '@drobble/kit/server/request-context';
import { sendUnauthenticated, withClientAddress } from './auth.ts';
import type { GatewayContext } from './context.ts';
import { createCorsHandler } from './cors.ts';
import type { PartnerGrant } from './partners/key-directory.ts';
import { sendInvalidApiKey } from './partners/api-key-header.ts';

export const GRAPHQL_PATH = '/graphql';

export interface GatewayRoutesOptions {
  apollo: ApolloServer<GatewayContext>;
  logger: Logger;
  bodyLimitBytes: number;
  corsOrigins: readonly string[];
  /** Outside production GET / (a browser) is sent on to Sandbox at /graphql. */
  landingPage: boolean;
  resolveViewer: (authorization: string | string[] | undefined) => Promise<Viewer | null>;
  /** Partner API keys (X-Api-Key): the key's grant, or undefined for an unknown or revoked key. */
  resolvePartner: (apiKey: string) => PartnerGrant | undefined;
  /** Proxies in front of the gateway whose X-Forwarded-For entries are trusted (TRUSTED_PROXY_HOPS). */
  trustedProxyHops: number;
}

const correlationIdFrom = (response: ServerResponse) => String(response.getHeader(CORRELATION_ID_HEADER));

/** /graphql (CORS, auth, Apollo) and, for developers, / -> Sandbox. */
export function createGatewayRoutes(options: GatewayRoutesOptions): RouteHandler {
  const { apollo, logger, resolveViewer } = options;
  const cors = createCorsHandler(options.corsOrigins);
  const handleGraphQL = createGraphQLHandler(apollo, {
    bodyLimitBytes: options.bodyLimitBytes,
    context: async (request: IncomingMessage, response: ServerResponse) => {
      const apiKey = request.headers['x-api-key'];
      if (apiKey !== undefined) {
        const partner = typeof apiKey === 'string' ? options.resolvePartner(apiKey) : undefined;
        if (!partner) {
          sendInvalidApiKey(response);
          return null;
        }
        const correlationId = correlationIdFrom(response);
        return { viewer: anonymousViewer, partner, correlationId, logger: logger.child({ correlationId, partnerKeyId: partner.keyId }), idempotencyKey: idempotencyKeyOf(request) };
      }
      const viewer = await resolveViewer(request.headers.authorization);
      if (!viewer) {
        sendUnauthenticated(response);
        return null;
      }
      const correlationId = correlationIdFrom(response);
      return { viewer: withClientAddress(viewer, request, options.trustedProxyHops), correlationId, logger: logger.child({ correlationId }), idempotencyKey: idempotencyKeyOf(request) };
    },
  });
  return async (request, response, url) => {
    if (url.pathname === '/' && options.landingPage && request.method === 'GET') {
      response.writeHead(302, { location: GRAPHQL_PATH, 'content-length': '0' });
      response.end();
      return true;
    }
    if (url.pathname !== GRAPHQL_PATH) return false;
    response.setHeader(CORRELATION_ID_HEADER, correlationIdOf(request));
    if (cors(request, response)) return true;
    await handleGraphQL(request, response, url);
    return true;
  };
}
