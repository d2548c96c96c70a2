import type { Logger } from '@drobble/kit/logger';
import { AWAITING_PAYMENT_STATUSES } from '../domain/order-status.ts';
import { lockOrder, statusOf } from '../infra/order-repository.ts';
import { TX_OPTIONS, type OrdersPrisma } from '../infra/prisma.ts';
import { requestStockRelease } from './requests.ts';
import { changeStatus, sagaMeta, setSagaStep } from './status-change.ts';

export interface SweeperDeps {
  prisma: OrdersPrisma;
  logger: Logger;
  intervalMs: number;
  eventsRecorded: () => void;
}

/**
 * Moves sagas whose deadline passed: an unpaid order (STOCK_RESERVED / AWAITING_PAYMENT) releases
 * its stock and is CANCELLED (PAYMENT_TIMEOUT); an order inventory never answered is FAILED
 * (RESERVATION_TIMEOUT), releasing whatever a late reservation holds. Each order in its own
 * transaction, re-checked under the row lock, so replicas and restarts never double-act.
 */
export async function sweepDeadlines(deps: Pick<SweeperDeps, 'prisma' | 'eventsRecorded'>, now = new Date()): Promise<number> {
  const due = await deps.prisma.sagaState.findMany({ where: { deadlineAt: { lte: now } }, select: { orderId: true }, take: 100, orderBy: { deadlineAt: 'asc' } });
  let moved = 0;
  for (const { orderId } of due) {
    const acted = await deps.prisma.$transaction(async (tx) => {
      const order = await lockOrder(tx, orderId);
      const saga = await tx.sagaState.findUnique({ where: { orderId } });
      if (!order || !saga?.deadlineAt || saga.deadlineAt > now) return false;
      const meta = sagaMeta(order, null);
      const status = statusOf(order);
      if (status === 'PENDING') {
        await requestStockRelease(tx, order, 'RESERVATION_TIMEOUT', meta);
        await changeStatus(tx, order, { to: 'FAILED', reason: 'RESERVATION_TIMEOUT' }, meta);
      } else if (AWAITING_PAYMENT_STATUSES.includes(status)) {
        await requestStockRelease(tx, order, 'PAYMENT_TIMEOUT', meta);
        await changeStatus(tx, order, { to: 'CANCELLED', reason: 'PAYMENT_TIMEOUT' }, meta);
      }
      await setSagaStep(tx, orderId, 'DONE', null);
      return true;
    }, TX_OPTIONS);
    if (acted) moved++;
  }
  if (moved > 0) deps.eventsRecorded();
  return moved;
}

export interface Sweeper {
  stop(): Promise<void>;
}

/** Polls sweepDeadlines every intervalMs until stopped; a failed sweep is logged and retried next time. */
export function startSweeper(deps: SweeperDeps): Sweeper {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(() => (stopped ? 0 : sweepDeadlines(deps))).catch((error: unknown) => deps.logger.error({ err: error }, 'saga deadline sweep failed'));
  }, deps.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
