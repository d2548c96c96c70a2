import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Viewer } from '../auth/viewer.ts';
import { CORRELATION_ID_HEADER } from '../auth/internal-token.ts';
import type { Logger } from '../logger.ts';

/** What every subgraph resolver can rely on. Subgraphs extend it with their use cases and loaders. */
export interface RequestContext {
  viewer: Viewer;
  correlationId: string;
  logger: Logger;
  /** The client's Idempotency-Key header, forwarded by the gateway (placeOrder uses it). */
  idempotencyKey?: string | null;
}

/** The HTTP header a client sets so that retrying a request cannot repeat its effect. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** The Idempotency-Key header as sent (its first value), or null; the use case validates it. */
export function idempotencyKeyOf(request: IncomingMessage): string | null {
  const header = request.headers[IDEMPOTENCY_KEY_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value === undefined || value === '' ? null : value;
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is well-formed, else a fresh one. */
export function correlationIdOf(request: IncomingMessage): string {
  const header = request.headers[CORRELATION_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
