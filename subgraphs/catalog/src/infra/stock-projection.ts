import type { PayloadOf } from '@drobble/schema/events';
import type { Db } from './prisma.ts';

/**
 * The catalog's copy of each variant's availability (from inventory.stock.changed.v1), for the
 * admin LOW_STOCK filter. An event older than the row (lower sequence) is ignored; events without
 * a sequence always apply.
 */
export async function applyStockChange(db: Db, change: PayloadOf<'inventory.stock.changed.v1'>): Promise<void> {
  await db.$executeRaw`INSERT INTO "catalog"."variant_stock" (variant_id, product_id, available, low_stock, sequence, updated_at)
    VALUES (${change.variantId}::uuid, ${change.productId}::uuid, ${change.available}, ${change.lowStock}, ${change.sequence ?? 0}, now())
    ON CONFLICT (variant_id) DO UPDATE SET product_id = excluded.product_id, available = excluded.available,
      low_stock = excluded.low_stock, sequence = excluded.sequence, updated_at = now()
    WHERE excluded.sequence = 0 OR "variant_stock".sequence < excluded.sequence`;
}

/** Products with at least one variant low on stock. */
export async function lowStockProductIds(db: Db): Promise<string[]> {
  const rows = await db.variantStock.findMany({ where: { lowStock: true }, distinct: ['productId'], select: { productId: true } });
  return rows.map((row) => row.productId);
}
