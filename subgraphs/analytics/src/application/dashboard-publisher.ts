import type { Logger } from '@drobble/kit/logger';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import type { PayloadOf } from '@drobble/schema/events';
import { createThrottle, type Throttle } from '../domain/throttle.ts';
import type { AnalyticsPrisma } from '../infra/prisma.ts';
import { lowStock, salesByDay, todaysFigures, topProducts, type AnalyticsDeps } from './dashboard.ts';

/** The dashboard's figures as analytics.dashboard.updated.v1 carries them. */
export async function dashboardSnapshot(deps: AnalyticsDeps): Promise<PayloadOf<'analytics.dashboard.updated.v1'>> {
  const [today, top, low, days] = [await todaysFigures(deps), await topProducts(deps, 10), await lowStock(deps), await salesByDay(deps, 30)];
  return { ...today, updatedAt: today.updatedAt.toISOString(), topProducts: top, lowStock: low, salesByDay: days };
}

export interface DashboardPublisherOptions {
  prisma: AnalyticsPrisma;
  deps: AnalyticsDeps;
  intervalMs: number;
  logger: Logger;
  /** Called after an update was recorded in the outbox (nudges the relay). */
  recorded: () => void;
}

/**
 * Publishes analytics.dashboard.updated.v1 through the outbox, throttled: at most one per
 * `intervalMs` while events arrive (a burst coalesces into one update carrying the latest figures),
 * none while nothing happens. The update carries the correlation id of the last event it reflects.
 */
export function createDashboardPublisher(options: DashboardPublisherOptions) {
  let last: { id: string; correlationId: string } | undefined;
  const throttle: Throttle = createThrottle({
    intervalMs: options.intervalMs,
    onError: (error) => options.logger.error({ err: error }, 'dashboard update failed'),
    task: async () => {
      const cause = last;
      const snapshot = await dashboardSnapshot(options.deps);
      await options.prisma.$transaction((tx) =>
        recordEvent(tx, 'analytics.dashboard.updated.v1', snapshot, { correlationId: cause?.correlationId ?? 'analytics-dashboard', causationId: cause?.id ?? null }),
      );
      options.recorded();
    },
  });
  return {
    changed(event: { id: string; correlationId: string }) {
      last = { id: event.id, correlationId: event.correlationId };
      throttle.touch();
    },
    stop: () => throttle.stop(),
  };
}
