import { randomUUID } from 'node:crypto';
import { signAccessToken } from '@drobble/kit/auth/access-token';
import { generateRefreshToken, hashRefreshToken, refreshTokenExpiry } from '../domain/refresh-token.ts';
import type { User } from '../domain/user.ts';
import type { AuthPayload, IdentityTx, TokenSettings } from './ports.ts';

export interface IssuedRefreshToken {
  id: string;
  token: string;
}

/** Stores a new refresh token of a session's family and returns the opaque value (shown once). */
export async function addRefreshToken(tx: IdentityTx, sessionId: string, settings: TokenSettings, now: Date, id = randomUUID()): Promise<IssuedRefreshToken> {
  const token = generateRefreshToken();
  await tx.createRefreshToken({ id, sessionId, tokenHash: hashRefreshToken(token), expiresAt: refreshTokenExpiry(now, settings.refreshTokenTtlSeconds) });
  return { id, token };
}

/** Opens a session (the family of refresh tokens) with its first refresh token. */
export async function openSession(tx: IdentityTx, userId: string, settings: TokenSettings, now: Date): Promise<{ sessionId: string; refreshToken: string }> {
  const sessionId = randomUUID();
  await tx.createSession({ id: sessionId, userId, createdAt: now });
  const { token } = await addRefreshToken(tx, sessionId, settings, now);
  return { sessionId, refreshToken: token };
}

/** Signs the access token for a session and assembles the payload (after the transaction committed). */
export async function authPayload(user: User, sessionId: string, refreshToken: string, settings: TokenSettings, now: Date): Promise<AuthPayload> {
  const access = await signAccessToken({ userId: user.id, roles: user.roles, sessionId }, settings.accessTokenPrivateKey, settings.accessTokenTtlSeconds, now.getTime());
  return { accessToken: access.token, refreshToken, accessTokenExpiresAt: access.expiresAt, user };
}
