import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** Headers browsers may send: JSON bodies, bearer tokens, Apollo's CSRF/preflight and client-awareness headers, correlation ids, idempotency keys. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'x-correlation-id',
  'x-api-key',
  'idempotency-key',
].join(', ');
const EXPOSED_HEADERS = 'x-correlation-id';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** `https://shop.example.com` matches itself only; `http://localhost:*` matches localhost on any port. */
export function createOriginMatcher(patterns: readonly string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const anyPort: string[] = [];
  for (const pattern of patterns) {
    if (pattern.endsWith(':*')) anyPort.push(pattern.slice(0, -2));
    else exact.add(pattern.toLowerCase());
  }
  return (origin) => {
    const lower = origin.toLowerCase();
    if (exact.has(lower)) return true;
    return anyPort.some((base) => lower === base || (lower.startsWith(`${base}:`) && /^\d{1,5}$/.test(lower.slice(base.length + 1))));
  };
}

/**
 * Whether a browser's Origin is the gateway's own host. An opaque origin (`null`, sent by sandboxed
 * frames and file:// pages) or any other unparsable value is not: the upgrade listener must never
 * throw, since Node does not catch errors thrown there and the process would die.
 */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

/**
 * CORS with an allowlist and credentials. Allowed origins get Access-Control-Allow-Origin echoed;
 * any other origin gets no CORS headers at all, so the browser withholds the response.
 * Returns true when the request was a preflight and has been answered.
 */
export function createCorsHandler(patterns: readonly string[]) {
  const isAllowed = createOriginMatcher(patterns);
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const origin = request.headers.origin;
    response.setHeader('vary', 'Origin');
    const allowed = typeof origin === 'string' && isAllowed(origin);
    if (allowed) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('access-control-allow-credentials', 'true');
      response.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    }
    if (request.method !== 'OPTIONS') return false;
    if (allowed) {
      response.setHeader('access-control-allow-methods', ALLOWED_METHODS);
      response.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
      response.setHeader('access-control-max-age', PREFLIGHT_MAX_AGE_SECONDS);
    }
    response.writeHead(204, { 'content-length': '0' });
    response.end();
    return true;
  };
}
