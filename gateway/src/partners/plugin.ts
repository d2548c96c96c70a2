import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError, ErrorCode } from '@drobble/kit/errors';
import type { RateLimits, RateLimit } from '@drobble/kit/rate-limit/rate-limit';
import type { GatewayContext } from '../context.ts';
import { requestError } from '../request-error.ts';
import type { PersistedDocuments } from './manifest.ts';
import type { UsageReporter } from './usage.ts';

export interface PartnerPluginOptions {
  documents: PersistedDocuments;
  rateLimits: RateLimits;
  usage: UsageReporter;
}

const notAllowed = () =>
  requestError(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, 'This API key may only send the persisted operations it was granted, by id', 403);

/**
 * Trusted documents for partners: a request made with an API key must name, by its persisted id
 * (`extensions.persistedQuery.sha256Hash`), a manifest document that the key was granted. The
 * gateway then runs the manifest's text (whatever text the request carried is ignored), within the
 * key's rate limit, and counts it. Runs before Apollo reads the query, so nothing else is parsed.
 */
export function partnerPlugin(options: PartnerPluginOptions): ApolloServerPlugin<GatewayContext> {
  const limits = new Map<number, RateLimit>();
  const limitFor = (points: number) => {
    let limit = limits.get(points);
    if (!limit) limits.set(points, (limit = options.rateLimits.limit({ name: `partner-${points}`, points, durationSeconds: 60, what: 'requests with this API key' })));
    return limit;
  };
  return {
    async requestDidStart({ request, contextValue }) {
      const partner = contextValue.partner;
      if (!partner) return;
      const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
      const id = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
      const text = id === undefined ? undefined : options.documents.get(id);
      if (id === undefined || text === undefined || !partner.allowedOperations.has(id)) throw notAllowed();
      try {
        await limitFor(partner.rateLimitPerMinute).consume(partner.keyId);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const seconds = Number(error.extensions.retryAfterSeconds ?? 60);
        throw requestError(error.code, error.message, 429, error.extensions, { 'retry-after': String(seconds) });
      }
      options.usage.count(partner.keyId);
      request.query = text;
      const { persistedQuery: _persisted, ...extensions } = request.extensions ?? {};
      request.extensions = extensions;
    },
  };
}
