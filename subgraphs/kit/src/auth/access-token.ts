import type { KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { isRole, type Role, type Viewer } from './viewer.ts';

/**
 * Access tokens: EdDSA JWTs (RFC 9068 profile, typ "at+jwt") issued by identity, verified by the
 * gateway with the public key only. They carry the user id, roles and session id.
 */
const ISSUER = 'drobble-identity';
const AUDIENCE = 'drobble';
const TOKEN_TYPE = 'at+jwt';

export interface AccessTokenClaims {
  userId: string;
  roles: readonly Role[];
  sessionId: string;
}

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

export async function signAccessToken(claims: AccessTokenClaims, privateKey: KeyObject, ttlSeconds: number, now = Date.now()): Promise<SignedAccessToken> {
  const issuedAt = Math.floor(now / 1000);
  const expiresAtSeconds = issuedAt + ttlSeconds;
  const token = await new SignJWT({ roles: [...claims.roles], sid: claims.sessionId })
    .setProtectedHeader({ alg: 'EdDSA', typ: TOKEN_TYPE })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAtSeconds)
    .setJti(crypto.randomUUID())
    .sign(privateKey);
  return { token, expiresAt: new Date(expiresAtSeconds * 1000) };
}

export interface VerifiedAccessToken {
  viewer: Viewer & { userId: string; sessionId: string };
  expiresAt: Date;
}

/** Null for anything that is not a valid, unexpired access token of ours (alg none, other keys, refresh tokens…). */
export async function verifyAccessToken(token: string, publicKey: KeyObject): Promise<VerifiedAccessToken | null> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['EdDSA'],
      typ: TOKEN_TYPE,
      requiredClaims: ['sub', 'exp', 'sid'],
    });
    if (typeof payload.sid !== 'string' || !payload.sub) return null;
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    return { viewer: { userId: payload.sub, roles, sessionId: payload.sid }, expiresAt: new Date((payload.exp ?? 0) * 1000) };
  } catch {
    return null;
  }
}
