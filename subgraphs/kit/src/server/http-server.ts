import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';
import { sendGraphQLError } from './http.ts';
import { serveOperationalRoute, type ReadinessChecks } from './health.ts';
import type { Metrics } from './metrics.ts';

/** Handles one request; resolves false when the path is not its to serve (-> 404). */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;

export interface HttpServerOptions {
  port: number;
  host?: string;
  logger: Logger;
  metrics: Metrics;
  readiness: ReadinessChecks;
  handle: RouteHandler;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** A node:http server with /health, /ready, /metrics, request timing, and masked 500s. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { logger, metrics, readiness, handle } = options;
  const server = createServer(async (request, response) => {
    const started = process.hrtime.bigint();
    const url = new URL(request.url ?? '/', 'http://localhost');
    let route = url.pathname;
    try {
      const served = (await serveOperationalRoute(url.pathname, response, readiness, metrics)) || (await handle(request, response, url));
      if (!served) {
        route = 'unknown';
        sendGraphQLError(response, 404, 'NOT_FOUND', 'Not found');
      }
    } catch (error) {
      logger.error({ err: error, path: url.pathname }, 'request failed');
      if (!response.headersSent) sendGraphQLError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.destroy();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ route, method: request.method ?? 'GET', status: String(response.statusCode) }, seconds);
    }
  });
  // Keep connections from the gateway (and load balancers) open well past their own idle timeouts.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
