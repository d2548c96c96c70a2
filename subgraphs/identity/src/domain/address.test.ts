import { describe, expect, it } from 'vitest';
import { DomainError } from '@drobble/kit/errors';
import { isCountryCode, parseAddress } from './address.ts';

const valid = { fullName: ' Casey Customer ', line1: '221B Baker Street', city: 'London', postalCode: 'NW1 6XE', country: 'gb' };

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') return error.field;
    throw error;
  }
  return undefined;
};

describe('addresses', () => {
  it('knows ISO 3166-1 alpha-2 codes', () => {
    for (const code of ['US', 'GB', 'DE', 'FR', 'JP', 'BR', 'NZ']) expect(isCountryCode(code), code).toBe(true);
    for (const code of ['XX', 'QQ', 'ZZ', 'EU', 'UN', 'USA', 'us', '1A', '']) expect(isCountryCode(code), code).toBe(false);
  });

  it('trims, uppercases the country and turns empty optional lines into null', () => {
    expect(parseAddress({ ...valid, line2: '  ', region: '', phone: null })).toEqual({
      fullName: 'Casey Customer', line1: '221B Baker Street', line2: null, city: 'London', region: null, postalCode: 'NW1 6XE', country: 'GB', phone: null,
    });
  });

  it('names the field at fault', () => {
    expect(fieldOf(() => parseAddress({ ...valid, country: 'XX' }))).toBe('input.country');
    expect(fieldOf(() => parseAddress({ ...valid, line1: '   ' }))).toBe('input.line1');
    expect(fieldOf(() => parseAddress({ ...valid, fullName: '' }))).toBe('input.fullName');
    expect(fieldOf(() => parseAddress({ ...valid, city: '' }))).toBe('input.city');
    expect(fieldOf(() => parseAddress({ ...valid, postalCode: ' ' }))).toBe('input.postalCode');
    expect(fieldOf(() => parseAddress({ ...valid, phone: 'call me' }))).toBe('input.phone');
    expect(fieldOf(() => parseAddress({ ...valid, line2: 'x'.repeat(201) }))).toBe('input.line2');
  });
});
