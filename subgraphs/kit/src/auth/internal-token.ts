import type { KeyObject } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify } from 'jose';
import { anonymousViewer, isRole, type Viewer } from './viewer.ts';

/**
 * The gateway's credential towards subgraphs: a short-lived EdDSA JWT signed with a key only the
 * gateway holds, verified by every subgraph with the public half. It carries the verified viewer.
 * A subgraph serves no GraphQL to a request without a valid one, so neither its schema nor its
 * data is reachable around the gateway, and a forged viewer header is worthless.
 */
export const INTERNAL_TOKEN_HEADER = 'x-drobble-internal-token';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const ISSUER = 'drobble-gateway';
const AUDIENCE = 'drobble-subgraphs';
const LIFETIME_SECONDS = 60;

export async function signInternalToken(viewer: Viewer, privateKey: KeyObject, now = Date.now()): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  const jwt = new SignJWT({
    roles: [...viewer.roles],
    ...(viewer.sessionId ? { sid: viewer.sessionId } : {}),
    ...(viewer.clientAddress ? { ip: viewer.clientAddress } : {}),
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + LIFETIME_SECONDS);
  if (viewer.userId) jwt.setSubject(viewer.userId);
  return jwt.sign(privateKey);
}

/** Returns the viewer the token carries, or null when the token is missing, forged or expired. */
export async function verifyInternalToken(token: string | undefined, publicKey: KeyObject): Promise<Viewer | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, publicKey, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['EdDSA'] });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    const clientAddress = typeof payload.ip === 'string' ? payload.ip : null;
    if (!payload.sub) return clientAddress ? { ...anonymousViewer, clientAddress } : anonymousViewer;
    return { userId: payload.sub, roles, sessionId: typeof payload.sid === 'string' ? payload.sid : null, clientAddress };
  } catch {
    return null;
  }
}

/**
 * Signs once per distinct viewer and reuses the token for half its lifetime: signing per request
 * would cost the gateway an Ed25519 signature on every subgraph fetch.
 */
export function createInternalTokenSigner(privateKey: KeyObject, maxEntries = 10_000) {
  const cache = new Map<string, { token: string; renewAt: number }>();
  return async (viewer: Viewer): Promise<string> => {
    const key = `${viewer.userId ?? ''}|${viewer.sessionId ?? ''}|${viewer.roles.join(',')}|${viewer.clientAddress ?? ''}`;
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.renewAt > now) return hit.token;
    const token = await signInternalToken(viewer, privateKey, now);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, { token, renewAt: now + (LIFETIME_SECONDS * 1000) / 2 });
    return token;
  };
}

/** Caches verified tokens until shortly before they expire; verification is the hot path of every subgraph request. */
export function createInternalTokenVerifier(publicKey: KeyObject, maxEntries = 10_000) {
  const cache = new Map<string, { viewer: Viewer; validUntil: number }>();
  return async (token: string | undefined): Promise<Viewer | null> => {
    if (!token) return null;
    const now = Date.now();
    const hit = cache.get(token);
    if (hit && hit.validUntil > now) return hit.viewer;
    const viewer = await verifyInternalToken(token, publicKey);
    if (!viewer) return null;
    if (cache.size >= maxEntries) cache.clear();
    const expiresAt = (decodeJwt(token).exp ?? 0) * 1000;
    cache.set(token, { viewer, validUntil: Math.min(expiresAt, now + (LIFETIME_SECONDS * 1000) / 2) });
    return viewer;
  };
}
