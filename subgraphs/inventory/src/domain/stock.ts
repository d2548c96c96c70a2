/** A variant's stock as inventory keeps it. */
export interface StockItem {
  variantId: string;
  productId: string;
  sku: string;
  onHand: number;
  reserved: number;
  lowStockThreshold: number;
  discontinued: boolean;
  version: number;
}

/** The StockLevel the API shows. */
export interface StockLevel {
  variantId: string;
  onHand: number;
  reserved: number;
  available: number;
  lowStock: boolean;
  lowStockThreshold: number;
}

/** Units that can still be reserved; never negative (the table's CHECK keeps reserved <= onHand). */
export const availableOf = (item: Pick<StockItem, 'onHand' | 'reserved'>) => Math.max(0, item.onHand - item.reserved);

/** Low on stock: at or below the variant's threshold (out of stock counts as low). */
export const isLowStock = (item: Pick<StockItem, 'onHand' | 'reserved' | 'lowStockThreshold'>) => availableOf(item) <= item.lowStockThreshold;

export function stockLevelOf(item: StockItem): StockLevel {
  return {
    variantId: item.variantId,
    onHand: item.onHand,
    reserved: item.reserved,
    available: availableOf(item),
    lowStock: isLowStock(item),
    lowStockThreshold: item.lowStockThreshold,
  };
}

/** A variant nobody told inventory about yet: nothing on hand. */
export const emptyStockLevel = (variantId: string, lowStockThreshold: number): StockLevel => ({
  variantId,
  onHand: 0,
  reserved: 0,
  available: 0,
  lowStock: true,
  lowStockThreshold,
});

export interface Line {
  variantId: string;
  quantity: number;
}

/** Merges lines of the same variant and orders them by variant id (a fixed lock order avoids deadlocks). */
export function mergeLines(lines: readonly Line[]): Line[] {
  const byVariant = new Map<string, number>();
  for (const line of lines) {
    const variantId = line.variantId.toLowerCase();
    byVariant.set(variantId, (byVariant.get(variantId) ?? 0) + line.quantity);
  }
  return [...byVariant].map(([variantId, quantity]) => ({ variantId, quantity })).sort((a, b) => a.variantId.localeCompare(b.variantId));
}

export type Shortage = { variantId: string; requested: number; available: number };

/**
 * Which lines cannot be served from `stock` (current rows, locked). UNKNOWN_VARIANT when a variant
 * is missing or discontinued, else OUT_OF_STOCK when any line asks for more than is available.
 */
export function checkReservation(lines: readonly Line[], stock: ReadonlyMap<string, StockItem>): { reason: 'OUT_OF_STOCK' | 'UNKNOWN_VARIANT'; unavailable: Shortage[] } | null {
  const unknown = lines.filter((line) => !stock.get(line.variantId) || stock.get(line.variantId)!.discontinued);
  if (unknown.length > 0) return { reason: 'UNKNOWN_VARIANT', unavailable: unknown.map((line) => ({ variantId: line.variantId, requested: line.quantity, available: 0 })) };
  const short = lines
    .map((line) => ({ variantId: line.variantId, requested: line.quantity, available: availableOf(stock.get(line.variantId)!) }))
    .filter((line) => line.requested > line.available);
  return short.length > 0 ? { reason: 'OUT_OF_STOCK', unavailable: short } : null;
}

/** adjustStock's rule: the new onHand may not go below zero nor below what is reserved. */
export function adjustmentProblem(item: Pick<StockItem, 'onHand' | 'reserved'>, delta: number): string | null {
  const next = item.onHand + delta;
  if (next < 0) return `onHand would become ${next}`;
  if (next < item.reserved) return `onHand would become ${next}, below the ${item.reserved} units reserved`;
  return null;
}
