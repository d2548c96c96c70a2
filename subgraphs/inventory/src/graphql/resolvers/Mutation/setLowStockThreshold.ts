import { setLowStockThreshold as setThreshold } from '../../../application/adjust-stock.ts';
import type { InventoryContext } from '../../../context.ts';

/** Mutation.setLowStockThreshold (ADMIN). */
export function setLowStockThreshold(_parent: unknown, args: { variantId: string; threshold: number }, context: InventoryContext) {
  return setThreshold(context.deps, context, args.variantId, args.threshold);
}
