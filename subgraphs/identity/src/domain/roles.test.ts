import { describe, expect, it } from 'vitest';
import { assertNotLastAdmin, parseRoles, sameRoles } from './roles.ts';

describe('roles', () => {
  it('parses, deduplicates and orders roles', () => {
    expect(parseRoles(['SUPPORT', 'ADMIN', 'ADMIN'])).toEqual(['ADMIN', 'SUPPORT']);
    expect(() => parseRoles([])).toThrow(/at least one role/);
    expect(() => parseRoles(['ROOT'])).toThrow(/Unknown role ROOT/);
  });

  it('compares role sets', () => {
    expect(sameRoles(['ADMIN', 'CUSTOMER'], ['CUSTOMER', 'ADMIN'])).toBe(true);
    expect(sameRoles(['ADMIN'], ['ADMIN', 'CUSTOMER'])).toBe(false);
  });

  it('refuses to take ADMIN away from the last active admin only', () => {
    expect(() => assertNotLastAdmin(['a'], 'a')).toThrow(/last active ADMIN/);
    expect(() => assertNotLastAdmin(['a', 'b'], 'a')).not.toThrow();
    expect(() => assertNotLastAdmin(['a'], 'c')).not.toThrow();
  });
});
