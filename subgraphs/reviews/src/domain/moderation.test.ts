import { describe, expect, it } from 'vitest';
import { DomainError } from '@drobble/kit/errors';
import { checkClean } from './clean-text.ts';
import { approvedDelta, initialStatus, nextStatus } from './moderation.ts';
import { counterDelta, toRatingSummary } from './rating-summary.ts';
import { parseReason, parseReviewInput } from './review-input.ts';

describe('moderation', () => {
  it('publishes at once only verified and clean reviews', () => {
    expect(initialStatus(true, true)).toBe('APPROVED');
    expect(initialStatus(true, false)).toBe('PENDING');
    expect(initialStatus(false, true)).toBe('PENDING');
  });

  it('follows the transition table; deciding what holds is a CONFLICT', () => {
    expect(nextStatus('PENDING', 'APPROVE')).toBe('APPROVED');
    expect(nextStatus('PENDING', 'REJECT')).toBe('REJECTED');
    expect(nextStatus('APPROVED', 'REJECT')).toBe('REJECTED');
    expect(nextStatus('REJECTED', 'APPROVE')).toBe('APPROVED');
    expect(() => nextStatus('APPROVED', 'APPROVE')).toThrow(DomainError);
    expect(() => nextStatus('REJECTED', 'REJECT')).toThrow(/already REJECTED/);
  });

  it('counts a review in the rating only while approved', () => {
    expect(approvedDelta('PENDING', 'APPROVED')).toBe(1);
    expect(approvedDelta('APPROVED', 'REJECTED')).toBe(-1);
    expect(approvedDelta('PENDING', 'REJECTED')).toBe(0);
    expect(approvedDelta(null, 'APPROVED')).toBe(1);
  });
});

describe('rating summary', () => {
  it('averages to two decimals, 0 when empty', () => {
    expect(toRatingSummary(null)).toEqual({ average: 0, count: 0, distribution: [0, 0, 0, 0, 0] });
    expect(toRatingSummary({ count: 3, sum: 11, stars1: 0, stars2: 0, stars3: 1, stars4: 1, stars5: 1 })).toEqual({ average: 3.67, count: 3, distribution: [0, 0, 1, 1, 1] });
    expect(counterDelta(2, -1)).toEqual({ count: -1, sum: -2, stars1: 0, stars2: -1, stars3: 0, stars4: 0, stars5: 0 });
  });
});

describe('review input', () => {
  it('trims, limits and names the field', () => {
    const id = '7D0B3C0E-7A51-4B8E-9A59-1F6C1B0F2A11';
    expect(parseReviewInput({ productId: id, rating: 3, title: ' ', body: '  Nice enough lamp.  ' })).toEqual({ productId: id.toLowerCase(), rating: 3, title: null, body: 'Nice enough lamp.' });
    expect(() => parseReviewInput({ productId: id, rating: 3.5, body: 'Nice enough lamp.' })).toThrow(expect.objectContaining({ field: 'rating' }));
    expect(() => parseReason('REJECT', '   ')).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(parseReason('APPROVE', undefined)).toBeNull();
  });
});

describe('clean check', () => {
  it('passes ordinary reviews and flags spam', () => {
    expect(checkClean('Great lamp', 'Bright, warm light and a sturdy base. Worth it.')).toEqual({ clean: true, reason: null });
    expect(checkClean(null, 'Buy now at https://spam.example')).toMatchObject({ clean: false, reason: 'contains a link' });
    expect(checkClean(null, 'visit cheap-lamps.shop for more')).toMatchObject({ clean: false });
    expect(checkClean(null, 'Earn bitcoin fast with this lamp')).toMatchObject({ clean: false, reason: 'contains the banned word "bitcoin"' });
    expect(checkClean(null, 'Call me on +1 415 555 0100 for a deal')).toMatchObject({ clean: false, reason: 'contains a phone number' });
    expect(checkClean(null, 'THIS IS THE BEST LAMP EVER MADE')).toMatchObject({ clean: false, reason: 'written in capitals' });
    expect(checkClean(null, 'Bought 2 for 50 dollars, 10/10')).toMatchObject({ clean: true });
  });
});
