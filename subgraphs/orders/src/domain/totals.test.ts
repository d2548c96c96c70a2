import { describe, expect, it } from 'vitest';
import { parseOrdersConfig } from '../config.ts';
import { computeTotals, taxOf } from './totals.ts';

const config = parseOrdersConfig({ ORDER_TAX_RATES: 'DE=1900,US=725', ORDER_DEFAULT_TAX_BPS: '0', ORDER_SHIPPING_STANDARD: '499', ORDER_SHIPPING_EXPRESS: '1599' });

describe('order totals', () => {
  it('adds lines, tax by country and shipping by method', () => {
    const totals = computeTotals([{ quantity: 2, unitPrice: 1_000 }, { quantity: 1, unitPrice: 550 }], 'DE', 'EXPRESS', config);
    expect(totals).toEqual({ subtotal: 2_550, tax: 485, shippingCost: 1_599, total: 2_550 + 485 + 1_599 });
  });

  it('rounds tax half up in minor units and uses the default rate elsewhere', () => {
    expect(taxOf(1_000, 'US', config)).toBe(73); // 72.5 -> 73
    expect(taxOf(999, 'US', config)).toBe(72); // 72.43 -> 72
    expect(taxOf(1_000, 'FR', config)).toBe(0);
    expect(computeTotals([{ quantity: 1, unitPrice: 100 }], 'FR', 'STANDARD', config).total).toBe(599);
  });
});
