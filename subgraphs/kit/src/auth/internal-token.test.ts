import { describe, expect, it } from 'vitest';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from './keys.ts';
import { createInternalTokenSigner, signInternalToken, verifyInternalToken } from './internal-token.ts';
import { anonymousViewer } from './viewer.ts';

const pair = generateKeyPairPem();
const privateKey = privateKeyFromPem(pair.privateKey);
const publicKey = publicKeyFromPem(pair.publicKey);
const user = { userId: '00000000-0000-4000-8000-000000000001', roles: ['CUSTOMER'] as const, sessionId: '00000000-0000-4000-8000-000000000002' };

describe('internal token: client address', () => {
  it('carries the client address, signed, for users and anonymous callers', async () => {
    expect(await verifyInternalToken(await signInternalToken({ ...user, clientAddress: '203.0.113.7' }, privateKey), publicKey)).toEqual({ ...user, clientAddress: '203.0.113.7' });
    expect(await verifyInternalToken(await signInternalToken({ ...anonymousViewer, clientAddress: '2001:db8::1' }, privateKey), publicKey)).toEqual({ ...anonymousViewer, clientAddress: '2001:db8::1' });
  });

  it('has no address when the gateway gave none', async () => {
    expect((await verifyInternalToken(await signInternalToken(user, privateKey), publicKey))?.clientAddress).toBeNull();
    expect(await verifyInternalToken(await signInternalToken(anonymousViewer, privateKey), publicKey)).toBe(anonymousViewer);
  });

  it('is signed once per viewer and address', async () => {
    const sign = createInternalTokenSigner(privateKey);
    const a = await sign({ ...user, clientAddress: '203.0.113.7' });
    expect(await sign({ ...user, clientAddress: '203.0.113.7' })).toBe(a);
    const b = await sign({ ...user, clientAddress: '203.0.113.8' });
    expect(b).not.toBe(a);
    expect((await verifyInternalToken(b, publicKey))?.clientAddress).toBe('203.0.113.8');
  });
});
