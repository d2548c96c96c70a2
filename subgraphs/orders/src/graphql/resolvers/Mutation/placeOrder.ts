import { placeOrder as place } from '../../../application/place-order.ts';
import type { OrdersContext } from '../../../context.ts';

/** Mutation.placeOrder; the Idempotency-Key header stands in for input.idempotencyKey when that is not given. */
export const placeOrder = (_: unknown, args: { input: unknown }, context: OrdersContext) =>
  place(context.deps, context, withHeaderKey(args.input, context.idempotencyKey));

function withHeaderKey(input: unknown, headerKey: string | null | undefined): unknown {
  if (!headerKey || typeof input !== 'object' || input === null) return input;
  const given = (input as { idempotencyKey?: unknown }).idempotencyKey;
  return given === undefined || given === null ? { ...input, idempotencyKey: headerKey } : input;
}
