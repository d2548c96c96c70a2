import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTime } from './date-time.ts';

describe('DateTime', () => {
  it('serializes dates (and stored ISO strings) as ISO 8601 in UTC', () => {
    expect(DateTime.serialize(new Date(Date.UTC(2026, 0, 31, 12, 0, 0)))).toBe('2026-01-31T12:00:00.000Z');
    expect(DateTime.serialize('2026-01-31T13:00:00+01:00')).toBe('2026-01-31T12:00:00.000Z');
    expect(() => DateTime.serialize({})).toThrow();
  });

  it('parses instants that name their zone, Z or an offset', () => {
    expect(DateTime.parseValue('2026-01-31T12:00:00Z')).toEqual(new Date(Date.UTC(2026, 0, 31, 12)));
    expect(DateTime.parseValue('2026-01-31T12:00:00.250Z')).toEqual(new Date(Date.UTC(2026, 0, 31, 12, 0, 0, 250)));
    expect(DateTime.parseValue('2026-01-31T14:00:00+02:00')).toEqual(new Date(Date.UTC(2026, 0, 31, 12)));
    expect(DateTime.parseLiteral({ kind: Kind.STRING, value: '2026-01-31T12:00Z' })).toEqual(new Date(Date.UTC(2026, 0, 31, 12)));
  });

  it('refuses dates without a time or zone, garbage and non-strings with BAD_USER_INPUT', () => {
    for (const value of ['2026-01-31', '2026-01-31T12:00:00', 'yesterday', '2026-13-45T99:00:00Z', 1_700_000_000_000]) {
      expect(() => DateTime.parseValue(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    }
    expect(() => DateTime.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(/must be a string/);
  });
});
