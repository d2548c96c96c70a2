import { adjustStock as adjust } from '../../../application/adjust-stock.ts';
import type { InventoryContext } from '../../../context.ts';

/** Mutation.adjustStock (ADMIN). */
export function adjustStock(_parent: unknown, args: { variantId: string; delta: number; reason: string }, context: InventoryContext) {
  return adjust(context.deps, context, args.variantId, args.delta, args.reason);
}
