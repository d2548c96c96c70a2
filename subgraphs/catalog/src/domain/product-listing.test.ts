import { describe, expect, it } from 'vitest';
import { anonymousViewer, type Viewer } from '@drobble/kit/auth/viewer';
import { DomainError } from '@drobble/kit/errors';
import { buildProductQuery, sortKeys } from './product-listing.ts';

const admin: Viewer = { userId: '00000000-0000-0000-0000-000000000001', roles: ['ADMIN'], sessionId: null };
const customer: Viewer = { userId: '00000000-0000-0000-0000-000000000002', roles: ['CUSTOMER'], sessionId: null };

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('buildProductQuery', () => {
  it('shows the storefront active products only', () => {
    expect(buildProductQuery(anonymousViewer, null)).toEqual({ active: true });
    expect(buildProductQuery(customer, { status: 'ACTIVE' })).toEqual({ active: true });
  });

  it('lets staff see everything not deleted, or filter by status', () => {
    expect(buildProductQuery(admin, {})).toEqual({});
    expect(buildProductQuery(admin, { status: 'INACTIVE' })).toEqual({ active: false });
    expect(buildProductQuery({ ...admin, roles: ['SELLER'] }, { status: 'ACTIVE' })).toEqual({ active: true });
  });

  it('refuses status filters to the storefront; LOW_STOCK lists active and inactive products low on stock', () => {
    expect(errorOf(() => buildProductQuery(customer, { status: 'INACTIVE' }))).toEqual({ code: 'FORBIDDEN', field: 'filter.status' });
    expect(errorOf(() => buildProductQuery(customer, { status: 'LOW_STOCK' }))).toEqual({ code: 'FORBIDDEN', field: 'filter.status' });
    expect(buildProductQuery(admin, { status: 'LOW_STOCK' })).toEqual({ lowStock: true });
  });

  it('passes the other filters through, trimmed and checked', () => {
    const categoryId = 'A0000000-0000-4000-8000-000000000000';
    expect(buildProductQuery(anonymousViewer, { categoryId, minPrice: 100, maxPrice: 900, featured: false, search: '  shirt ' })).toEqual({
      active: true,
      categoryId: categoryId.toLowerCase(),
      minPrice: 100,
      maxPrice: 900,
      featured: false,
      search: 'shirt',
    });
    expect(buildProductQuery(anonymousViewer, { search: '   ' })).toEqual({ active: true });
  });

  it.each([
    [{ minPrice: -1 }, 'filter.minPrice'],
    [{ minPrice: 500, maxPrice: 100 }, 'filter.maxPrice'],
    [{ categoryId: 'shirts' }, 'filter.categoryId'],
  ])('%j -> BAD_USER_INPUT on %s', (filter, field) => {
    expect(errorOf(() => buildProductQuery(anonymousViewer, filter))).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});

describe('sortKeys', () => {
  it('defaults to NEWEST and always ends with the id tiebreak', () => {
    expect(sortKeys(undefined)).toEqual([{ field: 'createdAt', direction: 'desc' }, { field: 'id', direction: 'desc' }]);
    expect(sortKeys('PRICE_ASC')).toEqual([{ field: 'minPrice', direction: 'asc' }, { field: 'id', direction: 'asc' }]);
    expect(sortKeys('PRICE_DESC')[0]).toEqual({ field: 'minPrice', direction: 'desc' });
    expect(sortKeys('NAME_ASC')[0]).toEqual({ field: 'name', direction: 'asc' });
    expect(sortKeys('NAME_DESC')).toEqual([{ field: 'name', direction: 'desc' }, { field: 'id', direction: 'desc' }]);
  });
});
