/** ISO 4217 alphabetic code: three upper-case letters. */
export const isCurrencyCode = (value: string) => /^[A-Z]{3}$/.test(value);

export const DEFAULT_CURRENCY = 'USD';

export interface Money {
  amount: number;
  currency: string;
}

/** The product's price: its lowest variant price. */
export const lowestPrice = (prices: readonly number[]) => Math.min(...prices);
