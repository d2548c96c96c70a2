import { describe, expect, it } from 'vitest';
import { DomainError } from '@drobble/kit/errors';
import { DEMO_ADMIN, DEMO_CUSTOMER } from '../demo-accounts.ts';
import { MIN_PASSWORD_LENGTH, assertPasswordAllowed, checkPassword, loadCommonPasswords } from './password-policy.ts';

const common = loadCommonPasswords();

describe('password policy', () => {
  it('ships a list of thousands of common passwords, including long ones', () => {
    expect(common.size).toBeGreaterThan(5_000);
    for (const password of ['password1234', 'qwertyuiop123', '123456789012', 'iloveyou2024', 'correcthorsebatterystaple']) {
      expect(common.has(password), password).toBe(true);
    }
  });

  it(`refuses passwords shorter than ${MIN_PASSWORD_LENGTH} characters, counting code points`, () => {
    expect(checkPassword('Short-pass1', common)?.rule).toBe('MIN_LENGTH');
    expect(checkPassword('🔒'.repeat(11), common)?.rule).toBe('MIN_LENGTH');
    expect(checkPassword('🔒'.repeat(12), common)).toBeNull();
  });

  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('Password1234', common)?.rule).toBe('COMMON_PASSWORD');
    expect(checkPassword('QWERTYUIOP123', common)?.rule).toBe('COMMON_PASSWORD');
  });

  it('refuses absurdly long passwords', () => {
    expect(checkPassword('x'.repeat(257), common)?.rule).toBe('MAX_LENGTH');
  });

  it('accepts a long, uncommon passphrase and the demo passwords', () => {
    expect(checkPassword('violet-tractor-harbour-91', common)).toBeNull();
    expect(checkPassword(DEMO_ADMIN.password, common)).toBeNull();
    expect(checkPassword(DEMO_CUSTOMER.password, common)).toBeNull();
  });

  it('throws BAD_USER_INPUT on field "password" with a message naming the rule', () => {
    try {
      assertPasswordAllowed('short', common);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const domain = error as DomainError;
      expect(domain.code).toBe('BAD_USER_INPUT');
      expect(domain.field).toBe('password');
      expect(domain.message).toMatch(/at least 12 characters/);
      expect(domain.extensions.rule).toBe('MIN_LENGTH');
    }
  });

  it('parses comments and blank lines out of a list', () => {
    expect([...loadCommonPasswords('# header\n\nAbc\nabc\n def \n')]).toEqual(['abc', 'def']);
  });
});
