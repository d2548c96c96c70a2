import { listPayments, type ListPaymentsArgs } from '../../../application/list-payments.ts';
import type { PaymentsContext } from '../../../context.ts';

/** Query.payments: ADMIN. */
export function payments(_parent: unknown, args: ListPaymentsArgs, context: PaymentsContext) {
  return listPayments(context.deps, context.viewer, args);
}
