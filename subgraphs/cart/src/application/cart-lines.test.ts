import { describe, expect, it } from 'vitest';
import type { VariantFacts } from '../domain/line-rules.ts';
import { mergeLines } from './merge-guest-cart.ts';
import { withoutOrdered } from './order-placed.ts';

const facts = (entries: [string, Partial<VariantFacts>][]) =>
  new Map(entries.map(([id, overrides]) => [id, { variantId: id, productId: `p-${id}`, price: 100, currency: 'USD', active: true, available: 10, ...overrides }]));
const line = (variantId: string, quantity: number) => ({ variantId, productId: `p-${variantId}`, quantity });

describe('mergeLines', () => {
  it('adds guest lines after the user lines, capping by stock and dropping unsellable ones', () => {
    const known = facts([['a', { available: 4 }], ['b', {}], ['c', { active: false }], ['d', { available: 0 }], ['e', { currency: 'EUR' }]]);
    const merged = mergeLines([line('a', 3)], [line('a', 2), line('b', 1), line('c', 1), line('d', 1), line('e', 1), line('zz', 1)], known);
    expect(merged).toEqual([line('a', 4), line('b', 1)]);
  });
});

describe('withoutOrdered', () => {
  it('takes the ordered quantities out and keeps the rest', () => {
    expect(withoutOrdered([line('a', 3), line('b', 1)], [{ variantId: 'a', quantity: 2 }, { variantId: 'b', quantity: 1 }])).toEqual([line('a', 1)]);
    expect(withoutOrdered([line('a', 1)], [{ variantId: 'a', quantity: 5 }])).toEqual([]);
    expect(withoutOrdered([line('a', 1)], [])).toEqual([line('a', 1)]);
  });
});
