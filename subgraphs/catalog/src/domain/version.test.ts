import { describe, expect, it } from 'vitest';
import { isStale, staleVersion, versionCondition } from './version.ts';

describe('optimistic concurrency rules', () => {
  it('no expected version never conflicts', () => {
    expect(isStale(undefined, 3)).toBe(false);
    expect(isStale(null, 3)).toBe(false);
    expect(versionCondition(undefined)).toEqual({});
    expect(versionCondition(null)).toEqual({});
  });

  it('an expected version must equal the current one', () => {
    expect(isStale(3, 3)).toBe(false);
    expect(isStale(2, 3)).toBe(true);
    expect(isStale(4, 3)).toBe(true);
    expect(versionCondition(3)).toEqual({ version: 3 });
  });

  it('a stale version is a CONFLICT that names the current version', () => {
    const error = staleVersion(2, 3);
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('expectedVersion');
    expect(error.extensions).toEqual({ currentVersion: 3 });
  });
});
