import { describe, expect, it } from 'vitest';
import { normaliseEmail, parseEmail } from './email.ts';

describe('email', () => {
  it('normalises to trimmed lowercase', () => {
    expect(normaliseEmail('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(parseEmail('  Ada@Example.COM ')).toBe('ada@example.com');
  });

  it.each(['', '   ', 'no-at-sign', 'two@@example.com', 'a@b', 'a b@example.com', 'a@example.', `${'x'.repeat(250)}@ex.com`])('refuses %j on field email', (raw) => {
    expect(() => parseEmail(raw)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'email' }));
  });

  it('accepts plus addressing and subdomains', () => {
    expect(parseEmail('first.last+shop@mail.example.co.uk')).toBe('first.last+shop@mail.example.co.uk');
  });
});
