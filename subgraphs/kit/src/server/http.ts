import type { IncomingMessage, ServerResponse } from 'node:http';

export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}

/** Reads a request body up to `limitBytes`; larger bodies are refused before being buffered whole. */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw new PayloadTooLargeError(`Request body exceeds ${limitBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new PayloadTooLargeError(`Request body exceeds ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** A GraphQL-shaped error response for failures outside GraphQL execution (auth, size, JSON). */
export const sendGraphQLError = (response: ServerResponse, status: number, code: string, message: string) =>
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });

export function sendText(response: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8') {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
