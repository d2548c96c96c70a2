import { DomainError, ErrorCode, badInput } from '@drobble/kit/errors';
import { hasRole, requireSignedIn } from '@drobble/kit/auth/guards';
import { assertTransition, PAID_STATUSES } from '../domain/order-status.ts';
import { statusOf, type OrderRecord } from '../infra/order-repository.ts';
import { requestRefund, requestStockRelease } from '../saga/requests.ts';
import { changeStatus, setSagaStep } from '../saga/status-change.ts';
import type { Caller, OrdersDeps } from './deps.ts';
import { onOrder } from './order-commands.ts';

/**
 * cancelOrder (owner or ADMIN): CONFLICT once SHIPPED. Compensates what the saga already did:
 * gives the stock back, and refunds in full when the order was paid. A reservation or payment that
 * arrives after the cancel is compensated by the saga when it arrives.
 */
export function cancelOrder(deps: OrdersDeps, caller: Caller, id: string, reason: string | null | undefined): Promise<OrderRecord> {
  const viewer = requireSignedIn(caller.viewer);
  if (reason && reason.length > 500) throw badInput('reason', 'reason must be at most 500 characters');
  const why = reason?.trim() || 'CANCELLED_BY_CUSTOMER';
  return onOrder(deps, caller, id, (order) => {
    if (order.customerId !== viewer.userId && !hasRole(viewer, 'ADMIN')) throw new DomainError(ErrorCode.FORBIDDEN, 'You are not allowed to do this');
  }, async (tx, order, meta) => {
    const status = statusOf(order);
    assertTransition(status, 'CANCELLED');
    await requestStockRelease(tx, order, 'ORDER_CANCELLED', meta);
    if (PAID_STATUSES.includes(status)) await requestRefund(tx, order, null, `Order cancelled: ${why}`.slice(0, 500), meta);
    await setSagaStep(tx, order.id, 'DONE', null);
    return changeStatus(tx, order, { to: 'CANCELLED', reason: why }, meta);
  });
}
