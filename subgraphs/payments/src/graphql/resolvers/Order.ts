import { isUuid } from '../../domain/ids.ts';
import type { PaymentsContext } from '../../context.ts';

/** Order (owned by orders) extended with its payment; orders has already authorized the order. */
export const Order = {
  __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
  payment(order: { id: string }, _args: unknown, context: PaymentsContext) {
    return isUuid(order.id) ? context.paymentOfOrder(order.id.toLowerCase()) : null;
  },
};
