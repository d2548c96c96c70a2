import { DomainError, ErrorCode, badInput, notFound } from '@drobble/kit/errors';
import type { LineState } from './cart.ts';

/** More than this of one variant in a cart is not a purchase anybody means to make. */
export const MAX_LINE_QUANTITY = 999;
/** Distinct variants one cart may hold. */
export const MAX_CART_LINES = 100;

/** What the cart knows about a variant from catalog and inventory events. */
export interface VariantFacts {
  variantId: string;
  productId: string;
  price: number;
  currency: string;
  /** The product is active and not deleted. */
  active: boolean;
  /** Units available to sell (0 when inventory never reported). */
  available: number;
}

/** A requested quantity: a whole number from 1 (0 too when `allowZero`, meaning remove) to MAX_LINE_QUANTITY. */
export function checkRequestedQuantity(quantity: number, allowZero = false): number {
  const min = allowZero ? 0 : 1;
  if (!Number.isInteger(quantity) || quantity < min) throw badInput('quantity', `quantity must be ${min} or more`);
  if (quantity > MAX_LINE_QUANTITY) throw badInput('quantity', `quantity must be at most ${MAX_LINE_QUANTITY}`);
  return quantity;
}

export const variantNotFound = () => notFound('Product variant');

/** NOT_FOUND unless the variant is known and its product active. */
export function requireSellable(variant: VariantFacts | undefined): VariantFacts {
  if (!variant || !variant.active) throw variantNotFound();
  return variant;
}

/** The currency the cart's other lines are priced in (null when it has none). */
export function cartCurrency(lines: readonly LineState[], facts: Map<string, VariantFacts>, exceptVariantId: string): string | null {
  for (const line of lines) {
    const currency = line.variantId === exceptVariantId ? undefined : facts.get(line.variantId)?.currency;
    if (currency) return currency;
  }
  return null;
}

export const outOfStock = (variant: VariantFacts) =>
  new DomainError(ErrorCode.OUT_OF_STOCK, `Only ${variant.available} of this variant available`, {
    field: 'quantity',
    extensions: { available: variant.available },
  });

/**
 * Checks the quantity a line would hold after the change: OUT_OF_STOCK above what is available,
 * BAD_USER_INPUT above MAX_LINE_QUANTITY, BAD_USER_INPUT for a second currency in one cart.
 */
export function checkLine(variant: VariantFacts, newQuantity: number, cartCurrency: string | null): void {
  if (cartCurrency !== null && cartCurrency !== variant.currency) {
    throw badInput('variantId', `the cart holds ${cartCurrency} items; this variant is priced in ${variant.currency}`);
  }
  if (newQuantity > variant.available) throw outOfStock(variant);
  if (newQuantity > MAX_LINE_QUANTITY) throw badInput('quantity', `quantity must be at most ${MAX_LINE_QUANTITY}`);
}

/** Guest + user quantities of one variant when merging: added up, capped by stock and the line limit. */
export const mergedQuantity = (userQuantity: number, guestQuantity: number, available: number) =>
  Math.min(userQuantity + guestQuantity, Math.max(available, userQuantity), MAX_LINE_QUANTITY);
