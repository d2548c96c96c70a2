import { requireRole } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { parsePaging } from '@drobble/kit/paging';
import type { PaymentStatus } from '../domain/payment-status.ts';
import { paymentInclude } from '../infra/payment-repository.ts';
import type { PaymentsDeps } from './deps.ts';

export interface ListPaymentsArgs {
  status?: PaymentStatus | null;
  page?: number | null;
  pageSize?: number | null;
}

/** payments(status, page, pageSize): ADMIN; newest first. */
export async function listPayments(deps: PaymentsDeps, viewer: Viewer, args: ListPaymentsArgs) {
  requireRole(viewer, 'ADMIN');
  const paging = parsePaging(args.page, args.pageSize);
  const where = args.status ? { status: args.status } : {};
  const [items, total] = await deps.prisma.$transaction([
    deps.prisma.payment.findMany({ where, include: paymentInclude, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: paging.skip, take: paging.take }),
    deps.prisma.payment.count({ where }),
  ], { isolationLevel: 'RepeatableRead' });
  return { items, pageInfo: { page: paging.page, pageSize: paging.pageSize, total } };
}

/** Payments of these orders, in one query (Order.payment for a page of orders). */
export async function paymentsOfOrders(deps: PaymentsDeps, orderIds: readonly string[]) {
  const rows = await deps.prisma.payment.findMany({ where: { orderId: { in: [...orderIds] } }, include: paymentInclude });
  const byOrder = new Map(rows.map((row) => [row.orderId, row]));
  return orderIds.map((orderId) => byOrder.get(orderId) ?? null);
}
