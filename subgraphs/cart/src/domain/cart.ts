/** A cart line priced at the variant's current price. */
export interface PricedLine {
  variantId: string;
  productId: string;
  quantity: number;
  /** Current price in minor units of `currency`. */
  unitPrice: number;
  currency: string;
}

/** A cart as the API shows it. */
export interface CartView {
  id: string;
  userId: string | null;
  version: number;
  lines: PricedLine[];
  updatedAt: Date;
  /** The currency of an empty cart's subtotal. */
  defaultCurrency: string;
}

export interface Money {
  amount: number;
  currency: string;
}

/** A line as stored and published (no price: prices are always read fresh). */
export interface LineState {
  variantId: string;
  productId: string;
  quantity: number;
}

export const itemCount = (cart: CartView) => cart.lines.reduce((sum, line) => sum + line.quantity, 0);

export const lineTotal = (line: PricedLine): Money => ({ amount: line.unitPrice * line.quantity, currency: line.currency });

/** Sum of line totals; lines share one currency (addToCart refuses a second one). */
export function subtotal(cart: CartView): Money {
  const currency = cart.lines[0]?.currency ?? cart.defaultCurrency;
  return { amount: cart.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0), currency };
}

/** The same lines in the same order, with the same quantities. */
export function sameLines(a: readonly LineState[], b: readonly LineState[]): boolean {
  return a.length === b.length && a.every((line, index) => line.variantId === b[index]!.variantId && line.quantity === b[index]!.quantity);
}
