import { expiredReservations } from '../infra/reservation-repository.ts';
import { nowOf, type InventoryDeps } from './deps.ts';
import { expireReservation } from './settle-reservation.ts';

export interface Sweeper {
  /** Releases every reservation expired by now; resolves with how many it released. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Every `intervalMs`, releases ACTIVE reservations past their expiresAt (released with expired: true).
 * Each release is its own transaction that re-checks the state under a row lock, so replicas
 * sweeping at once, or a payment arriving meanwhile, never release twice or release a sold order.
 */
export function startExpirySweeper(deps: InventoryDeps, intervalMs: number): Sweeper {
  let running: Promise<number> | null = null;
  const sweep = (): Promise<number> =>
    (running ??= (async () => {
      let released = 0;
      try {
        for (;;) {
          const due = await expiredReservations(deps.prisma, nowOf(deps), 100);
          for (const orderId of due) if (await expireReservation(deps, orderId)) released++;
          if (due.length < 100) return released;
        }
      } finally {
        running = null;
      }
    })());
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => deps.logger.error({ err: error }, 'reservation expiry sweep failed'));
  }, intervalMs);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
