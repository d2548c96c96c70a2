import { retryDeadLetter as retry } from '../../../application/dead-letters.ts';
import type { OrdersContext } from '../../../context.ts';

/** Mutation.retryDeadLetter (ADMIN). */
export const retryDeadLetter = (_: unknown, args: { durable: string; eventId: string }, context: OrdersContext) =>
  retry(context.deps, context.viewer, args.durable, args.eventId);
