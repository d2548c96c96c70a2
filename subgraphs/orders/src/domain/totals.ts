import type { OrderConfig } from '../config.ts';

export interface PricedLine {
  quantity: number;
  unitPrice: number;
}

export interface Totals {
  subtotal: number;
  tax: number;
  shippingCost: number;
  total: number;
}

/** Tax in basis points of the country (the default rate for countries not listed), rounded half up. */
export function taxOf(subtotal: number, country: string, config: Pick<OrderConfig, 'taxRates' | 'defaultTaxBps'>): number {
  const bps = config.taxRates[country] ?? config.defaultTaxBps;
  return Math.floor((subtotal * bps + 5_000) / 10_000);
}

/** Subtotal, tax (on the goods), shipping per method, total: integer minor units throughout. */
export function computeTotals(
  lines: readonly PricedLine[],
  country: string,
  method: 'STANDARD' | 'EXPRESS',
  config: Pick<OrderConfig, 'taxRates' | 'defaultTaxBps' | 'shippingCosts'>,
): Totals {
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const tax = taxOf(subtotal, country, config);
  const shippingCost = config.shippingCosts[method];
  return { subtotal, tax, shippingCost, total: subtotal + tax + shippingCost };
}
