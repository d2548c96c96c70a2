import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKeyPairPem, privateKeyFromPem } from '@drobble/kit/auth/keys';
import { createSecretBox, deriveSecretBoxKey } from './secret-box.ts';

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('round-trips, with a fresh IV each time, never showing the plain text', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses tampered values and other keys', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('secreT').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('derives a stable 32-byte key from the signing key', () => {
    const key = privateKeyFromPem(generateKeyPairPem().privateKey);
    expect(deriveSecretBoxKey(key)).toEqual(deriveSecretBoxKey(key));
    expect(deriveSecretBoxKey(key)).toHaveLength(32);
  });
});
