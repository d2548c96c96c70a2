import { describe, expect, it } from 'vitest';
import { perAggregate } from './concurrency.ts';

describe('perAggregate', () => {
  it('keys an event by the named field of its data, and by "" when it has none', () => {
    const byOrder = perAggregate('orderId', 4);
    expect(byOrder.limit).toBe(4);
    expect(byOrder.key({ data: { orderId: 'o-1', lines: [] } })).toBe('o-1');
    expect(byOrder.key({ data: { orderId: 42 } })).toBe('');
    expect(byOrder.key({ data: null })).toBe('');
    expect(byOrder.key({})).toBe('');
  });
});
