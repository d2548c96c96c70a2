import { describe, expect, it } from 'vitest';
import { adjustmentProblem, availableOf, checkReservation, isLowStock, mergeLines, type StockItem } from './stock.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const item = (variantId: string, onHand: number, reserved = 0, extra: Partial<StockItem> = {}): StockItem => ({
  variantId, productId: A, sku: variantId, onHand, reserved, lowStockThreshold: 5, discontinued: false, version: 0, ...extra,
});

describe('stock rules', () => {
  it('available is onHand - reserved and low at or below the threshold', () => {
    expect(availableOf(item(A, 10, 3))).toBe(7);
    expect(isLowStock(item(A, 10, 5))).toBe(true);
    expect(isLowStock(item(A, 10, 4))).toBe(false);
    expect(isLowStock(item(A, 0))).toBe(true);
  });

  it('merges repeated variants and sorts lines by variant id', () => {
    expect(mergeLines([{ variantId: B, quantity: 1 }, { variantId: A, quantity: 2 }, { variantId: B.toUpperCase(), quantity: 3 }])).toEqual([
      { variantId: A, quantity: 2 },
      { variantId: B, quantity: 4 },
    ]);
  });

  it('rejects unknown or discontinued variants before looking at quantities', () => {
    const stock = new Map([[A, item(A, 1)], [B, item(B, 100, 0, { discontinued: true })]]);
    expect(checkReservation([{ variantId: A, quantity: 5 }, { variantId: B, quantity: 1 }], stock)).toEqual({
      reason: 'UNKNOWN_VARIANT',
      unavailable: [{ variantId: B, requested: 1, available: 0 }],
    });
  });

  it('names every short line, and passes when all fit', () => {
    const stock = new Map([[A, item(A, 5, 3)], [B, item(B, 4)]]);
    expect(checkReservation([{ variantId: A, quantity: 3 }, { variantId: B, quantity: 4 }], stock)).toEqual({
      reason: 'OUT_OF_STOCK',
      unavailable: [{ variantId: A, requested: 3, available: 2 }],
    });
    expect(checkReservation([{ variantId: A, quantity: 2 }, { variantId: B, quantity: 4 }], stock)).toBeNull();
  });

  it('an adjustment may not leave onHand negative or below reserved', () => {
    expect(adjustmentProblem({ onHand: 5, reserved: 2 }, -3)).toBeNull();
    expect(adjustmentProblem({ onHand: 5, reserved: 2 }, -4)).toMatch(/below the 2 units reserved/);
    expect(adjustmentProblem({ onHand: 1, reserved: 0 }, -2)).toMatch(/-1/);
  });
});
