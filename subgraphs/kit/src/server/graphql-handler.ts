import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { PayloadTooLargeError, readBody, sendGraphQLError } from './http.ts';

export interface GraphQLHandlerOptions<C extends BaseContext> {
  bodyLimitBytes: number;
  /** Builds the per-request context; may answer the request itself (e.g. 401) by returning null. */
  context: (request: IncomingMessage, response: ServerResponse) => Promise<C | null>;
}

function toHeaderMap(request: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function parseBody(request: IncomingMessage, limit: number): Promise<unknown> {
  if (request.method !== 'POST') return undefined;
  const text = await readBody(request, limit);
  const type = request.headers['content-type'] ?? '';
  if (!type.includes('application/json')) return text;
  return text.length === 0 ? undefined : JSON.parse(text);
}

/** Adapts node:http to Apollo Server's executeHTTPGraphQLRequest, with a body size limit and clean errors for bad JSON. */
export function createGraphQLHandler<C extends BaseContext>(apollo: ApolloServer<C>, options: GraphQLHandlerOptions<C>) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    let body: unknown;
    try {
      body = await parseBody(request, options.bodyLimitBytes);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) return sendGraphQLError(response, 413, 'BAD_USER_INPUT', error.message);
      return sendGraphQLError(response, 400, 'BAD_USER_INPUT', 'Request body is not valid JSON');
    }
    const context = await options.context(request, response);
    if (context === null) return;
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers: toHeaderMap(request), search: url.search, body },
      context: async () => context,
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}
