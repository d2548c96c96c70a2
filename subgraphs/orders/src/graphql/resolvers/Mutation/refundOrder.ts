import { refundOrder as refund } from '../../../application/admin-commands.ts';
import type { OrdersContext } from '../../../context.ts';

/** Mutation.refundOrder (ADMIN). */
export const refundOrder = (_: unknown, args: { id: string; amount?: number | null; reason: string }, context: OrdersContext) =>
  refund(context.deps, context, args.id, args.amount, args.reason);
