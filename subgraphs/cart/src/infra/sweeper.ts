import type { Logger } from '@drobble/kit/logger';

export interface Sweeper {
  stop(): Promise<void>;
}

/** Runs `sweep` every `intervalMs` (never two at once); a failure is logged and retried next time. */
export function startSweeper(sweep: () => Promise<number>, intervalMs: number, logger: Logger): Sweeper {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= sweep()
      .then((removed) => void (removed > 0 && logger.info({ removed }, 'expired guest carts removed')))
      .catch((error: unknown) => logger.error({ err: error }, 'guest cart sweep failed'))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
