import { describe, expect, it } from 'vitest';
import { signAccessToken } from '@drobble/kit/auth/access-token';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { createViewerResolver, readCredentials } from './auth.ts';

const keys = generateKeyPairPem();
const privateKey = privateKeyFromPem(keys.privateKey);
const nothingRevoked = { isRevoked: () => false };

describe('readCredentials', () => {
  it('distinguishes none, bearer and malformed', () => {
    expect(readCredentials(undefined)).toEqual({ kind: 'none' });
    expect(readCredentials('  ')).toEqual({ kind: 'none' });
    expect(readCredentials('Bearer a.b.c')).toEqual({ kind: 'bearer', token: 'a.b.c' });
    expect(readCredentials('bearer a.b.c')).toEqual({ kind: 'bearer', token: 'a.b.c' });
    expect(readCredentials('Bearer')).toEqual({ kind: 'malformed' });
    expect(readCredentials('Basic dXNlcjpwYXNz')).toEqual({ kind: 'malformed' });
    expect(readCredentials('Bearer a b')).toEqual({ kind: 'malformed' });
  });
});

describe('createViewerResolver', () => {
  it('anonymous without a header, the user for a valid token, null for a bad one', async () => {
    const resolve = createViewerResolver(publicKeyFromPem(keys.publicKey), nothingRevoked);
    expect(await resolve(undefined)).toBe(anonymousViewer);
    const { token } = await signAccessToken({ userId: 'u1', roles: ['ADMIN'], sessionId: 's1' }, privateKey, 60);
    expect(await resolve(`Bearer ${token}`)).toEqual({ userId: 'u1', roles: ['ADMIN'], sessionId: 's1' });
    expect(await resolve(`Bearer ${token}x`)).toBeNull();
    expect(await resolve('Token abc')).toBeNull();
  });

  it('stops accepting a cached token once it expires', async () => {
    const resolve = createViewerResolver(publicKeyFromPem(keys.publicKey), nothingRevoked);
    const { token, expiresAt } = await signAccessToken({ userId: 'u1', roles: [], sessionId: 's1' }, privateKey, 2);
    expect(await resolve(`Bearer ${token}`)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));
    expect(await resolve(`Bearer ${token}`)).toBeNull();
  });
});
