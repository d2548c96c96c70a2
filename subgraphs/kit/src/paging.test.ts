import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { parsePaging } from './paging.ts';

describe('parsePaging', () => {
  it('defaults to the first page of 20', () => {
    expect(parsePaging(undefined, null)).toEqual({ page: 1, pageSize: 20, skip: 0, take: 20 });
  });

  it('skips the earlier pages', () => {
    expect(parsePaging(3, 25)).toEqual({ page: 3, pageSize: 25, skip: 50, take: 25 });
  });

  it.each([
    [0, 20, 'page'],
    [1.5, 20, 'page'],
    [1, 0, 'pageSize'],
    [1, 101, 'pageSize'],
  ])('refuses page %s, pageSize %s as BAD_USER_INPUT on %s', (page, pageSize, field) => {
    try {
      parsePaging(page, pageSize);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
