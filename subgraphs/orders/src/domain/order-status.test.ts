import { describe, expect, it } from 'vitest';
import { orderStatus } from '@drobble/schema/events';
import { assertTransition, canTransition, isTerminal, transitions } from './order-status.ts';

describe('order status transitions', () => {
  it('lists every status of the contract', () => {
    expect(Object.keys(transitions).sort()).toEqual([...orderStatus.options].sort());
  });

  it('follows the saga forward', () => {
    const path = ['PENDING', 'STOCK_RESERVED', 'AWAITING_PAYMENT', 'PAID', 'READY_TO_SHIP', 'SHIPPED', 'DELIVERED', 'REFUNDED'] as const;
    for (let i = 1; i < path.length; i++) expect(() => assertTransition(path[i - 1]!, path[i]!)).not.toThrow();
  });

  it('allows compensations: out of stock, declined, timeout, cancel after payment', () => {
    expect(canTransition('PENDING', 'FAILED')).toBe(true);
    expect(canTransition('STOCK_RESERVED', 'FAILED')).toBe(true);
    expect(canTransition('AWAITING_PAYMENT', 'CANCELLED')).toBe(true);
    expect(canTransition('PAID', 'CANCELLED')).toBe(true);
    expect(canTransition('READY_TO_SHIP', 'CANCELLED')).toBe(true);
  });

  it('refuses a cancel once shipped, and any move out of a final status, with CONFLICT', () => {
    for (const from of ['SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED', 'REFUNDED'] as const) {
      expect(() => assertTransition(from, 'CANCELLED')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    }
    expect(() => assertTransition('PENDING', 'PAID')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => assertTransition('PAID', 'DELIVERED')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('knows the final statuses', () => {
    expect(Object.keys(transitions).filter((s) => isTerminal(s as never)).sort()).toEqual(['CANCELLED', 'FAILED', 'REFUNDED']);
  });
});
