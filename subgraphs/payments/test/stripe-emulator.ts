import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small local stand-in for Stripe's API, answering the calls Drobble makes (paymentIntents
 * create/retrieve, refunds create) the way Stripe does, including Idempotency-Key replays and
 * card errors. The SDK is pointed at it with host/port/protocol. Test-only.
 */
export interface EmulatedIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: string;
  client_secret: string;
  created: number;
  metadata: Record<string, string>;
  payment_method: string | null;
  last_payment_error: { type: string; code: string; message: string } | null;
  cancellation_reason: null;
  latest_charge: string | null;
  livemode: false;
  amount_refunded: number;
  refunds: { id: string; object: 'refund'; amount: number; status: string; payment_intent: string; created: number; currency: string; metadata: Record<string, string> }[];
}

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

function formOf(body: string): { flat: Record<string, string>; metadata: Record<string, string> } {
  const flat: Record<string, string> = {};
  const metadata: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const meta = /^metadata\[(.+)\]$/.exec(key);
    if (meta) metadata[meta[1]!] = value;
    else flat[key] = value;
  }
  return { flat, metadata };
}

export async function startStripeEmulator() {
  const intents = new Map<string, EmulatedIntent>();
  const replies = new Map<string, { status: number; body: string }>();
  const calls: { method: string; path: string; idempotencyKey: string | null }[] = [];

  const publicIntent = (intent: EmulatedIntent) => {
    const { amount_refunded: _refunded, refunds: _refunds, ...rest } = intent;
    return rest;
  };
  const cardError = (intent: EmulatedIntent) => ({
    status: 402,
    body: { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_intent: publicIntent(intent) } },
  });

  function createIntent(flat: Record<string, string>, metadata: Record<string, string>) {
    const id = newId('pi');
    const intent: EmulatedIntent = {
      id, object: 'payment_intent', amount: Number(flat.amount), currency: flat.currency!, status: 'requires_payment_method',
      client_secret: `${id}_secret_${randomBytes(8).toString('hex')}`, created: now(), metadata, payment_method: flat.payment_method ?? null,
      last_payment_error: null, cancellation_reason: null, latest_charge: null, livemode: false, amount_refunded: 0, refunds: [],
    };
    intents.set(id, intent);
    if (flat.confirm === 'true') {
      if (intent.payment_method === 'pm_card_chargeDeclined') {
        intent.last_payment_error = { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' };
        return cardError(intent);
      }
      if (intent.payment_method === 'pm_card_threeDSecureRequired') intent.status = 'requires_action';
      else capture(intent);
    }
    return { status: 200, body: publicIntent(intent) };
  }

  function capture(intent: EmulatedIntent) {
    intent.status = 'succeeded';
    intent.latest_charge = newId('ch');
    intent.last_payment_error = null;
  }

  function createRefund(flat: Record<string, string>, metadata: Record<string, string>) {
    const intent = intents.get(flat.payment_intent ?? '');
    if (!intent || intent.status !== 'succeeded') return { status: 400, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such captured payment_intent' } } };
    const amount = flat.amount ? Number(flat.amount) : intent.amount - intent.amount_refunded;
    if (amount > intent.amount - intent.amount_refunded) return { status: 400, body: { error: { type: 'invalid_request_error', code: 'amount_too_large', message: 'Refund amount is greater than unrefunded amount' } } };
    const refund = { id: newId('re'), object: 'refund' as const, amount, status: 'succeeded', payment_intent: intent.id, created: now(), currency: intent.currency, metadata };
    intent.amount_refunded += amount;
    intent.refunds.unshift(refund);
    return { status: 200, body: refund };
  }

  function route(method: string, path: string, body: string): { status: number; body: unknown } {
    const { flat, metadata } = formOf(body);
    if (method === 'POST' && path === '/v1/payment_intents') return createIntent(flat, metadata);
    if (method === 'POST' && path === '/v1/refunds') return createRefund(flat, metadata);
    const retrieve = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
    if (method === 'GET' && retrieve && intents.has(retrieve[1]!)) return { status: 200, body: publicIntent(intents.get(retrieve[1]!)!) };
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` } } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    let body = '';
    for await (const chunk of request) body += chunk;
    const path = new URL(request.url ?? '/', 'http://stripe').pathname;
    const key = (request.headers['idempotency-key'] as string | undefined) ?? null;
    calls.push({ method: request.method ?? 'GET', path, idempotencyKey: key });
    if (!String(request.headers.authorization ?? '').startsWith('Bearer sk_test_')) {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'Invalid API Key' } }));
      return;
    }
    const replayKey = key ? `${request.method} ${path} ${key}` : null;
    let reply = replayKey ? replies.get(replayKey) : undefined;
    if (!reply) {
      const result = route(request.method ?? 'GET', path, body);
      reply = { status: result.status, body: JSON.stringify(result.body) };
      if (replayKey) replies.set(replayKey, reply);
    }
    response.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': newId('req') }).end(reply.body);
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    calls,
    intents,
    /** The customer confirmed client-side and the charge went through. */
    complete(id: string) {
      capture(intents.get(id)!);
      return publicIntent(intents.get(id)!);
    },
    /** A refund made outside Drobble (Stripe dashboard). */
    refundInDashboard(id: string, amount: number) {
      return createRefund({ payment_intent: id, amount: String(amount) }, {}).body;
    },
    /** The charge as charge.refunded carries it (cumulative amount_refunded). */
    chargeOf(id: string) {
      const intent = intents.get(id)!;
      return {
        id: intent.latest_charge, object: 'charge', amount: intent.amount, amount_refunded: intent.amount_refunded, currency: intent.currency,
        payment_intent: intent.id, refunded: intent.amount_refunded >= intent.amount, metadata: {}, refunds: { object: 'list', data: intent.refunds, has_more: false },
      };
    },
    intent: (id: string) => publicIntent(intents.get(id)!),
    stop: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

export type StripeEmulator = Awaited<ReturnType<typeof startStripeEmulator>>;
