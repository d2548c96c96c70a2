import { describe, expect, it } from 'vitest';
import { DomainError } from '@drobble/kit/errors';
import { MAX_LINE_QUANTITY, cartCurrency, checkLine, checkRequestedQuantity, mergedQuantity, requireSellable, type VariantFacts } from './line-rules.ts';

const variant = (overrides: Partial<VariantFacts> = {}): VariantFacts => ({
  variantId: 'v1', productId: 'p1', price: 100, currency: 'USD', active: true, available: 5, ...overrides,
});
const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('line rules', () => {
  it('accepts whole quantities from 1 (0 when removing) up to the limit', () => {
    expect(checkRequestedQuantity(1)).toBe(1);
    expect(checkRequestedQuantity(0, true)).toBe(0);
    expect(codeOf(() => checkRequestedQuantity(0))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkRequestedQuantity(-1, true))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkRequestedQuantity(1.5))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkRequestedQuantity(MAX_LINE_QUANTITY + 1))).toBe('BAD_USER_INPUT');
  });

  it('finds only known, active variants', () => {
    expect(codeOf(() => requireSellable(undefined))).toBe('NOT_FOUND');
    expect(codeOf(() => requireSellable(variant({ active: false })))).toBe('NOT_FOUND');
    expect(requireSellable(variant()).variantId).toBe('v1');
  });

  it('checks stock, the line limit and the cart currency', () => {
    expect(codeOf(() => checkLine(variant(), 5, null))).toBeNull();
    expect(codeOf(() => checkLine(variant(), 6, null))).toBe('OUT_OF_STOCK');
    expect(codeOf(() => checkLine(variant({ available: 5_000 }), MAX_LINE_QUANTITY + 1, 'USD'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkLine(variant(), 1, 'EUR'))).toBe('BAD_USER_INPUT');
  });

  it('takes the cart currency from the other lines', () => {
    const facts = new Map([['a', variant({ variantId: 'a', currency: 'EUR' })], ['b', variant({ variantId: 'b' })]]);
    const lines = [{ variantId: 'a', productId: 'p', quantity: 1 }, { variantId: 'b', productId: 'p', quantity: 1 }];
    expect(cartCurrency(lines, facts, 'a')).toBe('USD');
    expect(cartCurrency(lines, facts, 'x')).toBe('EUR');
    expect(cartCurrency([], facts, 'a')).toBeNull();
  });

  it('merges quantities capped by stock, never below what the user had', () => {
    expect(mergedQuantity(2, 3, 10)).toBe(5);
    expect(mergedQuantity(2, 3, 4)).toBe(4);
    expect(mergedQuantity(6, 3, 4)).toBe(6);
    expect(mergedQuantity(0, 3, 0)).toBe(0);
    expect(mergedQuantity(900, 900, 5_000)).toBe(MAX_LINE_QUANTITY);
  });
});
