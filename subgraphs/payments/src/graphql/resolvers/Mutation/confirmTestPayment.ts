import { badInput } from '@drobble/kit/errors';
import { confirmTestPayment as confirm } from '../../../application/confirm-test-payment.ts';
import { isUuid } from '../../../domain/ids.ts';
import type { PaymentsContext } from '../../../context.ts';

/** Mutation.confirmTestPayment: the order's owner or an ADMIN. */
export function confirmTestPayment(_parent: unknown, args: { orderId: string }, context: PaymentsContext) {
  if (!isUuid(args.orderId)) throw badInput('orderId', 'orderId must be a UUID');
  return confirm(context.deps, context.viewer, args.orderId.toLowerCase());
}
