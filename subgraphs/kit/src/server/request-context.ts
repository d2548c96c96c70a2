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
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is well-formed, else a fresh one. */
export function correlationIdOf(request: IncomingMessage): string {
  const header = request.headers[CORRELATION_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
