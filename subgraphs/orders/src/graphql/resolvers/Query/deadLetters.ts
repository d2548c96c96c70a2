import { listDeadLetters } from '../../../application/dead-letters.ts';
import type { OrdersContext } from '../../../context.ts';

/** Query.deadLetters (ADMIN). */
export const deadLetters = (_: unknown, args: { durable?: string | null }, context: OrdersContext) => listDeadLetters(context.deps, context.viewer, args.durable);
