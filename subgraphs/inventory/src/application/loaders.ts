import { emptyStockLevel, stockLevelOf, type StockLevel } from '../domain/stock.ts';
import { findInStock, findStock } from '../infra/stock-repository.ts';
import type { InventoryDeps } from './deps.ts';

/**
 * Collects the keys asked for while one GraphQL execution step runs (every representation of one
 * `_entities` fetch) and answers them all with ONE call to `fetch`.
 */
export function keyBatcher<V>(fetch: (keys: string[]) => Promise<Map<string, V>>, fallback: (key: string) => V) {
  let pending: Map<string, { resolve: (value: V) => void; reject: (error: unknown) => void }[]> | null = null;
  const flush = async (batch: NonNullable<typeof pending>) => {
    try {
      const found = await fetch([...batch.keys()]);
      for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key) ?? fallback(key));
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  };
  return (key: string): Promise<V> =>
    new Promise((resolve, reject) => {
      if (!pending) {
        const batch = (pending = new Map());
        // After the promise jobs queued now (the sibling resolvers), like DataLoader.
        Promise.resolve().then(() => process.nextTick(() => ((pending = null), void flush(batch))));
      }
      pending.set(key, [...(pending.get(key) ?? []), { resolve, reject }]);
    });
}

/** Per-request loaders: one query per gateway fetch for ProductVariant.stock and for Product.inStock. */
export interface InventoryLoaders {
  stockOf(variantId: string): Promise<StockLevel>;
  inStockOf(productId: string): Promise<boolean>;
}

export function createLoaders(deps: InventoryDeps): InventoryLoaders {
  const stock = keyBatcher(
    async (ids) => new Map([...(await findStock(deps.prisma, ids))].map(([id, item]) => [id, stockLevelOf(item)])),
    (id) => emptyStockLevel(id, deps.defaultLowStockThreshold),
  );
  const inStock = keyBatcher((ids) => findInStock(deps.prisma, ids), () => false);
  return { stockOf: (id) => stock(id.toLowerCase()), inStockOf: (id) => inStock(id.toLowerCase()) };
}
