import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyAccessToken, type VerifiedAccessToken } from '@drobble/kit/auth/access-token';
import { anonymousViewer, type Viewer } from '@drobble/kit/auth/viewer';
import { ErrorCode } from '@drobble/kit/errors';
import { sendJson } from '@drobble/kit/server/http';
import { clientAddressOf } from './client-address.ts';
import type { Revocations } from './revocations.ts';

/** What the Authorization header says: nothing, a bearer token, or something we do not accept. */
export type Credentials = { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'malformed' };

const BEARER = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)$/i;

export function readCredentials(header: string | string[] | undefined): Credentials {
  if (header === undefined) return { kind: 'none' };
  if (Array.isArray(header)) return header.length === 0 ? { kind: 'none' } : { kind: 'malformed' };
  const value = header.trim();
  if (value === '') return { kind: 'none' };
  const match = BEARER.exec(value);
  return match ? { kind: 'bearer', token: match[1]! } : { kind: 'malformed' };
}

/**
 * Resolves the viewer of a request: anonymous without an Authorization header, the token's user for
 * a valid access token, and null (-> 401) for anything else. A bad token is never downgraded to
 * anonymous: the client must learn that its session is gone.
 * Verified tokens are cached until they expire (Ed25519 verification on every request adds up);
 * revocation is checked on every request, cached or not.
 */
export function createViewerResolver(publicKey: KeyObject, revocations: Pick<Revocations, 'isRevoked'>, maxEntries = 10_000) {
  const cache = new Map<string, VerifiedAccessToken>();
  const verify = async (token: string): Promise<VerifiedAccessToken | null> => {
    const hit = cache.get(token);
    if (hit && hit.expiresAt.getTime() > Date.now()) return hit;
    const verified = await verifyAccessToken(token, publicKey);
    if (!verified) return null;
    if (cache.size >= maxEntries) cache.clear();
    cache.set(token, verified);
    return verified;
  };
  return async (header: string | string[] | undefined): Promise<Viewer | null> => {
    const credentials = readCredentials(header);
    if (credentials.kind === 'none') return anonymousViewer;
    if (credentials.kind === 'malformed') return null;
    const verified = await verify(credentials.token);
    if (!verified || revocations.isRevoked(verified.viewer)) return null;
    return verified.viewer;
  };
}

/** HTTP 401 with a GraphQL-shaped body and the RFC 6750 challenge. */
export function sendUnauthenticated(response: ServerResponse): void {
  sendJson(
    response,
    401,
    { errors: [{ message: 'Your access token is invalid or has expired; sign in again', extensions: { code: ErrorCode.UNAUTHENTICATED } }] },
    { 'www-authenticate': 'Bearer error="invalid_token"' },
  );
}

/**
 * The viewer plus the client's IP address (see clientAddressOf: the TCP peer, or behind
 * TRUSTED_PROXY_HOPS proxies the address they saw), which the data source signs into the
 * internal token so subgraphs can apply per-address limits.
 */
export function withClientAddress(viewer: Viewer, request: IncomingMessage, trustedProxyHops: number): Viewer {
  const address = clientAddressOf(request, trustedProxyHops);
  return address ? { ...viewer, clientAddress: address } : viewer;
}
