import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@drobble/kit/logger';
import type { RouteHandler } from '@drobble/kit/server/http-server';
import { readRawBody } from './raw-body.ts';
import type { SubgraphEndpoint } from './supergraph.ts';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';
const BODY_LIMIT_BYTES = 1_000_000;

export interface StripeWebhookProxyOptions {
  /** The supergraph's subgraphs (with SUBGRAPH_<NAME>_URL overrides applied): the target is payments' origin. */
  subgraphs: readonly SubgraphEndpoint[];
  logger: Logger;
  timeoutMs: number;
}

function reply(response: ServerResponse, status: number, body: string, contentType = 'application/json; charset=utf-8') {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * POST /webhooks/stripe: Stripe calls the public gateway; the payments service verifies and applies
 * the event. The body is forwarded byte for byte (the signature covers the raw bytes) with the
 * Stripe-Signature header; payments' answer (200 / 400 / 503) goes back to Stripe as is.
 * Returns false (not ours) for other paths, or when no payments subgraph is composed.
 */
export function createStripeWebhookProxy(options: StripeWebhookProxyOptions): RouteHandler {
  const payments = options.subgraphs.find((subgraph) => subgraph.name === 'payments');
  const target = payments ? `${new URL(payments.url).origin}${STRIPE_WEBHOOK_PATH}` : null;
  return async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (url.pathname !== STRIPE_WEBHOOK_PATH || !target) return false;
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      reply(response, 405, JSON.stringify({ error: 'POST only' }));
      return true;
    }
    const body = await readRawBody(request, BODY_LIMIT_BYTES);
    if (!body) {
      reply(response, 413, JSON.stringify({ error: 'payload too large' }));
      return true;
    }
    const headers: Record<string, string> = { 'content-type': String(request.headers['content-type'] ?? 'application/json') };
    const signature = request.headers['stripe-signature'];
    if (typeof signature === 'string') headers['stripe-signature'] = signature;
    try {
      const upstream = await fetch(target, { method: 'POST', headers, body: new Uint8Array(body), signal: AbortSignal.timeout(options.timeoutMs) });
      reply(response, upstream.status, await upstream.text(), upstream.headers.get('content-type') ?? 'application/json; charset=utf-8');
    } catch (error) {
      options.logger.error({ err: error, target }, 'Stripe webhook could not reach payments');
      reply(response, 502, JSON.stringify({ error: 'payments unavailable' }));
    }
    return true;
  };
}

/** The gateway's routes with the Stripe webhook in front. */
export function withStripeWebhook(routes: RouteHandler, options: StripeWebhookProxyOptions): RouteHandler {
  const webhook = createStripeWebhookProxy(options);
  return async (request, response, url) => (await webhook(request, response, url)) || routes(request, response, url);
}
