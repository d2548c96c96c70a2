import { hasRole } from '@drobble/kit/auth/guards';
import { isUuid } from '../../domain/ids.ts';
import type { PaymentsContext } from '../../context.ts';
import type { PaymentRow } from '../../infra/payment-repository.ts';

/** Payment fields and its entity reference resolver. */
export const Payment = {
  async __resolveReference(reference: { id: string }, context: PaymentsContext) {
    if (!isUuid(reference.id)) return null;
    return context.deps.prisma.payment.findUnique({ where: { id: reference.id.toLowerCase() }, include: { refunds: { orderBy: { createdAt: 'asc' } } } });
  },
  order: (payment: PaymentRow) => ({ id: payment.orderId }),
  amount: (payment: PaymentRow) => ({ amount: payment.amount, currency: payment.currency }),
  refunded: (payment: PaymentRow) => ({ amount: payment.refundedAmount, currency: payment.currency }),
  /** Only the order's owner sees it (not even an ADMIN: it lets its holder confirm the payment). */
  clientSecret(payment: PaymentRow, _args: unknown, context: PaymentsContext) {
    const owner = payment.customerId !== null && context.viewer.userId === payment.customerId;
    return owner ? payment.clientSecret : null;
  },
  refunds: (payment: PaymentRow) => payment.refunds.map((refund) => ({ ...refund, amount: { amount: refund.amount, currency: payment.currency } })),
  async ledger(payment: PaymentRow, _args: unknown, context: PaymentsContext) {
    if (!hasRole(context.viewer, 'ADMIN')) return [];
    const rows = await context.deps.prisma.paymentLedgerEntry.findMany({ where: { paymentId: payment.id }, orderBy: { seq: 'asc' } });
    return rows.map((row) => ({ ...row, amount: row.amount === null ? null : { amount: row.amount, currency: payment.currency } }));
  },
};
