import { describe, expect, it } from 'vitest';
import { generateTotpSecret, otpauthUrl, totpCode, verifyTotp } from './totp.ts';

const secret = generateTotpSecret();
const now = new Date('2026-11-23T12:00:10.000Z');
const step = Math.floor(now.getTime() / 30_000);
const at = (steps: number) => new Date(now.getTime() + steps * 30_000);

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vector', () => {
    // Secret "12345678901234567890" (base32 below), T = 59 s -> 94287082 (8 digits); 6 digits: 287082.
    expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', new Date(59_000))).toBe('287082');
  });

  it('makes 160-bit base32 secrets and an otpauth URL naming the issuer and account', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = otpauthUrl(secret, 'casey@example.com');
    expect(url).toMatch(/^otpauth:\/\/totp\/Drobble:casey%40example\.com\?/);
    expect(url).toContain(`secret=${secret}`);
    expect(url).toContain('issuer=Drobble');
  });

  it('accepts the current code and one step of drift either way, nothing further', () => {
    expect(verifyTotp(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, at(-1)), now, null)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, at(1)), now, null)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, at(-2)), now, null)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, at(2)), now, null)).toBeNull();
  });

  it('never accepts a code of an already used step, or an earlier one', () => {
    expect(verifyTotp(secret, totpCode(secret, now), now, step)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, at(-1)), now, step)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, at(1)), now, step)).toBe(step + 1);
  });

  it('refuses malformed codes and codes of another secret', () => {
    expect(verifyTotp(secret, 'abcdef', now, null)).toBeNull();
    expect(verifyTotp(secret, '1234567', now, null)).toBeNull();
    expect(verifyTotp(generateTotpSecret(), totpCode(secret, now), now, null)).toBeNull();
  });
});
