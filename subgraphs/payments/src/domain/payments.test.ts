import { describe, expect, it } from 'vitest';
import { canTransition, shouldApply } from './payment-status.ts';
import { decideRefund } from './refund.ts';

const at = (seconds: number) => new Date(seconds * 1000);

describe('payment transitions', () => {
  it('never leaves a captured state through the provider', () => {
    for (const from of ['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const) {
      for (const to of ['PENDING', 'REQUIRES_ACTION', 'FAILED', 'SUCCEEDED'] as const) expect(canTransition(from, to)).toBe(false);
    }
    expect(canTransition('FAILED', 'SUCCEEDED')).toBe(true);
    expect(canTransition('REQUIRES_ACTION', 'FAILED')).toBe(true);
  });

  it('applies success whatever its age, other news only when not older', () => {
    const waiting = { status: 'REQUIRES_ACTION' as const, statusAt: at(100) };
    expect(shouldApply(waiting, { status: 'SUCCEEDED', at: at(50) })).toBe(true);
    expect(shouldApply(waiting, { status: 'FAILED', at: at(99) })).toBe(false);
    expect(shouldApply(waiting, { status: 'FAILED', at: at(100) })).toBe(true);
    expect(shouldApply({ status: 'FAILED', statusAt: at(100) }, { status: 'SUCCEEDED', at: at(101) })).toBe(true);
    expect(shouldApply({ status: 'SUCCEEDED', statusAt: at(100) }, { status: 'FAILED', at: at(200) })).toBe(false);
  });
});

describe('decideRefund', () => {
  const paid = { status: 'SUCCEEDED' as const, amount: 5_000, refundedAmount: 0 };

  it('refunds part, then the rest, then nothing', () => {
    expect(decideRefund(paid, 2_000)).toEqual({ ok: true, amount: 2_000, totalRefunded: 2_000, full: false, status: 'PARTIALLY_REFUNDED' });
    const partly = { status: 'PARTIALLY_REFUNDED' as const, amount: 5_000, refundedAmount: 2_000 };
    expect(decideRefund(partly, null)).toEqual({ ok: true, amount: 3_000, totalRefunded: 5_000, full: true, status: 'REFUNDED' });
    expect(decideRefund({ ...partly, status: 'REFUNDED', refundedAmount: 5_000 }, null)).toMatchObject({ ok: false, reason: 'NOTHING_TO_REFUND' });
  });

  it('refuses more than is left, zero, and uncaptured payments', () => {
    expect(decideRefund({ ...paid, status: 'PARTIALLY_REFUNDED', refundedAmount: 4_000 }, 1_001)).toMatchObject({ ok: false, reason: 'REFUND_EXCEEDS_PAYMENT' });
    expect(decideRefund(paid, 0)).toMatchObject({ ok: false, reason: 'INVALID_AMOUNT' });
    expect(decideRefund({ ...paid, status: 'REQUIRES_ACTION' }, 100)).toMatchObject({ ok: false, reason: 'PAYMENT_NOT_CAPTURED' });
  });
});
