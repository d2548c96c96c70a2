import { INTERNAL_TOKEN_HEADER } from '@drobble/kit/auth/internal-token';
import type { Viewer } from '@drobble/kit/auth/viewer';
import type { InternalTokenSigner } from '../data-source.ts';
import type { RawGrant } from './key-directory.ts';

/**
 * The gateway itself, when it reads the key directory: an ADMIN without a user (the nil UUID), so
 * the partners subgraph's ordinary ADMIN guard applies. It never leaves the gateway-subgraph hop.
 */
const GATEWAY_VIEWER: Viewer = { userId: '00000000-0000-0000-0000-000000000000', roles: ['ADMIN'], sessionId: null };

const QUERY = '{ partnerKeyDirectory { keyId keyHash allowedOperations rateLimitPerMinute } }';

/**
 * Reads the live keys straight from the partners subgraph (the field is @inaccessible: it is not in
 * the public API, so it cannot go through the supergraph). Called once at start.
 */
export function partnerSnapshotLoader(url: string | undefined, sign: InternalTokenSigner, timeoutMs: number) {
  return async (): Promise<RawGrant[]> => {
    if (!url) return [];
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await sign(GATEWAY_VIEWER) },
      body: JSON.stringify({ query: QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json()) as { data?: { partnerKeyDirectory?: RawGrant[] }; errors?: unknown[] };
    if (!body.data?.partnerKeyDirectory) throw new Error(`partners subgraph answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
    return body.data.partnerKeyDirectory;
  };
}
