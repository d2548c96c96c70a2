import { describe, expect, it } from 'vitest';
import { validateRows } from '../domain/import-rows.ts';
import { planImport } from './import-plan.ts';

const admin = { userId: 'admin', roles: ['ADMIN' as const], sessionId: null };
const seller = { userId: 'seller', roles: ['SELLER' as const], sessionId: null };
const head = (id: string, slug: string, extra = {}) => ({ id, slug, currency: 'USD', deleted: false, createdById: 'seller', lastPosition: 1, ...extra });

describe('planImport', () => {
  const { rows } = validateRows([
    { sku: 'KNOWN', name: 'Lamp', price: 500 },
    { sku: 'ADD', name: 'Lamp', slug: 'lamp', price: 700 },
    { sku: 'NEW-A', name: 'Chair', price: 100, stock: 2 },
    { sku: 'NEW-B', name: 'Chair', price: 90 },
    { sku: 'GONE', name: 'Old', price: 1 },
    { sku: 'CAT', name: 'Sofa', price: 1, category: 'nope' },
  ]);
  const lookups = {
    variantsBySku: new Map([['KNOWN', { id: 'v1', productId: 'p1' }], ['GONE', { id: 'v9', productId: 'p9' }]]),
    heads: [head('p1', 'lamp'), head('p9', 'old', { deleted: true })],
    categoryIdsBySlug: new Map<string, string>(),
  };

  it('updates known SKUs, adds new SKUs to their slug product, creates the rest, and fails rows on their own', () => {
    const plan = planImport(rows, lookups, admin);
    expect(plan.changedVariants).toEqual([{ id: 'v1', name: 'Default', options: [], price: 500 }]);
    expect(plan.addedVariants).toMatchObject([{ productId: 'p1', sku: 'ADD', position: 2 }]);
    expect([...plan.patches.keys()]).toEqual(['p1']);
    expect([...plan.newProducts.keys()]).toEqual(['chair']);
    expect(plan.newProducts.get('chair')!.variants.map((v) => [v.sku, v.position, v.initialStock])).toEqual([['NEW-A', 0, 2], ['NEW-B', 1, 0]]);
    expect({ created: plan.created, updated: plan.updated }).toEqual({ created: 3, updated: 1 });
    expect(plan.errors).toEqual([{ row: 5, message: 'product old is deleted' }, { row: 6, message: 'category nope does not exist' }]);
  });

  it("a seller's rows on another seller's product fail", () => {
    const plan = planImport(rows.slice(0, 1), { ...lookups, heads: [head('p1', 'lamp', { createdById: 'someone' })] }, seller);
    expect(plan.errors).toEqual([{ row: 1, message: 'product lamp belongs to another seller' }]);
    expect(plan.changedVariants).toEqual([]);
  });
});
