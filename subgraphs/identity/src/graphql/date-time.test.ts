import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from './date-time.ts';

describe('DateTime', () => {
  it('serializes dates as ISO-8601 UTC', () => {
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 0, 31, 12, 0, 0)))).toBe('2026-01-31T12:00:00.000Z');
  });
  it('parses UTC strings and refuses offsets and garbage', () => {
    expect(DateTimeScalar.parseValue('2026-01-31T12:00:00Z')).toEqual(new Date(Date.UTC(2026, 0, 31, 12)));
    expect(() => DateTimeScalar.parseValue('2026-01-31T12:00:00+02:00')).toThrow();
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow();
  });
});
