import type { IncomingMessage, ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import type { Logger } from '@drobble/kit/logger';
import type { RouteHandler } from '@drobble/kit/server/http-server';
import { sendJson } from '@drobble/kit/server/http';
import { applyStripeEvent } from '../application/apply-stripe-event.ts';
import type { PaymentsDeps } from '../application/deps.ts';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';
const BODY_LIMIT = 1_000_000;

async function rawBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface StripeWebhookOptions {
  stripe: Stripe;
  webhookSecret: string;
  deps: PaymentsDeps;
  logger: Logger;
}

/**
 * POST /webhooks/stripe (reached through the gateway, which forwards the raw body and the
 * Stripe-Signature header). The signature is verified on the raw bytes; a duplicate event id is
 * acknowledged (200) without effect; 503 asks Stripe to retry an event that is ahead of our data.
 */
export function createStripeWebhookRoute(options: StripeWebhookOptions): RouteHandler {
  const { stripe, webhookSecret, deps, logger } = options;
  return async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (url.pathname !== STRIPE_WEBHOOK_PATH) return false;
    if (request.method !== 'POST') {
      sendJson(response, 405, { error: 'POST only' }, { allow: 'POST' });
      return true;
    }
    const body = await rawBody(request);
    if (!body) {
      sendJson(response, 413, { error: 'payload too large' });
      return true;
    }
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(body, request.headers['stripe-signature'] ?? '', webhookSecret);
    } catch (error) {
      logger.warn({ err: error }, 'Stripe webhook refused: bad signature');
      sendJson(response, 400, { error: 'invalid signature' });
      return true;
    }
    const result = await applyStripeEvent(deps, event);
    logger.info({ stripeEventId: event.id, type: event.type, result }, 'Stripe webhook');
    sendJson(response, result === 'retry' ? 503 : 200, { received: true, result });
    return true;
  };
}
