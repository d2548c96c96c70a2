import type { CartView, PricedLine } from '../domain/cart.ts';
import type { VariantFacts } from '../domain/line-rules.ts';
import type { CartRow } from '../infra/cart-repository.ts';
import type { Db } from '../infra/prisma.ts';
import { loadVariantFacts } from '../infra/variant-facts.ts';
import type { CartDeps } from './deps.ts';

/**
 * Prices a cart's lines at the variants' current prices. A line whose variant the catalog no longer
 * has (removed from its product) cannot be shown or bought and is left out.
 */
export function priceCart(cart: CartRow, facts: Map<string, VariantFacts>, defaultCurrency: string): CartView {
  const lines: PricedLine[] = [];
  for (const line of cart.lines) {
    const variant = facts.get(line.variantId);
    if (variant) lines.push({ ...line, unitPrice: variant.price, currency: variant.currency });
  }
  return { id: cart.id, userId: cart.userId, version: cart.version, updatedAt: cart.updatedAt, lines, defaultCurrency };
}

/** Views of several carts with one lookup of variant facts. */
export async function toCartViews(db: Db, deps: Pick<CartDeps, 'defaultCurrency'>, carts: readonly CartRow[]): Promise<CartView[]> {
  const facts = await loadVariantFacts(db, carts.flatMap((cart) => cart.lines.map((line) => line.variantId)));
  return carts.map((cart) => priceCart(cart, facts, deps.defaultCurrency));
}

export async function toCartView(db: Db, deps: Pick<CartDeps, 'defaultCurrency'>, cart: CartRow): Promise<CartView> {
  return (await toCartViews(db, deps, [cart]))[0]!;
}
