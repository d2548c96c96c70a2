import { describe, expect, it } from 'vitest';
import { mayChange, ownerCondition } from './ownership.ts';

const admin = { userId: 'a', roles: ['ADMIN' as const], sessionId: null };
const seller = { userId: 's', roles: ['SELLER' as const], sessionId: null };

describe('product ownership', () => {
  it('an admin may change any product; a seller only its own', () => {
    expect(ownerCondition(admin)).toEqual({});
    expect(ownerCondition(seller)).toEqual({ createdById: 's' });
    expect(mayChange(admin, null)).toBe(true);
    expect(mayChange(seller, 's')).toBe(true);
    expect(mayChange(seller, 'other')).toBe(false);
    expect(mayChange(seller, null)).toBe(false);
  });
});
