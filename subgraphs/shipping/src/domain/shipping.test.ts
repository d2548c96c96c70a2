import { describe, expect, it } from 'vitest';
import { estimateDelivery } from './delivery-estimate.ts';
import { nextShipmentStatus } from './shipment-status.ts';
import { checkDigit, isValidTrackingNumber, newTrackingNumber } from './tracking-number.ts';

describe('tracking numbers', () => {
  it('uses the S10 check digit (UPU example 47312482 -> 9, as in RR473124829GB)', () => {
    expect(checkDigit('47312482')).toBe(9);
    expect(newTrackingNumber('DP', () => 47_312_482)).toBe('DP473124829DB');
    expect(newTrackingNumber('DX', () => 7)).toBe(`DX00000007${checkDigit('00000007')}DB`);
  });

  it('detects a mistyped digit or a wrong layout', () => {
    expect(isValidTrackingNumber('DP473124829DB')).toBe(true);
    expect(isValidTrackingNumber('DP473124839DB')).toBe(false);
    expect(isValidTrackingNumber('DP473124828DB')).toBe(false);
    expect(isValidTrackingNumber('DP47312482DB')).toBe(false);
    for (let i = 0; i < 50; i++) expect(isValidTrackingNumber(newTrackingNumber('DP'))).toBe(true);
  });
});

describe('estimateDelivery (business days, UTC)', () => {
  it('skips weekends', () => {
    // Monday 2026-11-23 -> 5 business days -> Monday 2026-11-30; 2 -> Wednesday 2026-11-25.
    expect(estimateDelivery(new Date('2026-11-23T10:00:00Z'), 5).toISOString()).toBe('2026-11-30T18:00:00.000Z');
    expect(estimateDelivery(new Date('2026-11-23T23:59:00Z'), 2).toISOString()).toBe('2026-11-25T18:00:00.000Z');
    // Friday -> 2 business days -> Tuesday; Saturday counts from Monday.
    expect(estimateDelivery(new Date('2026-11-27T09:00:00Z'), 2).toISOString()).toBe('2026-12-01T18:00:00.000Z');
    expect(estimateDelivery(new Date('2026-11-28T09:00:00Z'), 1).toISOString()).toBe('2026-11-30T18:00:00.000Z');
  });
});

describe('nextShipmentStatus', () => {
  it('follows the order forward, never back', () => {
    expect(nextShipmentStatus('PREPARED', 'SHIPPED')).toBe('SHIPPED');
    expect(nextShipmentStatus('SHIPPED', 'DELIVERED')).toBe('DELIVERED');
    expect(nextShipmentStatus('PREPARED', 'CANCELLED')).toBe('CANCELLED');
    expect(nextShipmentStatus('DELIVERED', 'SHIPPED')).toBeNull();
    expect(nextShipmentStatus('SHIPPED', 'REFUNDED')).toBeNull();
    expect(nextShipmentStatus('SHIPPED', 'SHIPPED')).toBeNull();
    expect(nextShipmentStatus('PREPARED', 'PAID')).toBeNull();
  });
});
