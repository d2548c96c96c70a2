/**
 * Coalesces bursts of "something changed" into runs of `task`, at most one per `intervalMs`:
 * the first change after a quiet period runs at once (well, on the next tick), later changes wait
 * until `intervalMs` after the previous run started, and any number of changes meanwhile make one
 * run. Never two runs at once; a change during a run schedules one more run after it.
 */
export interface Throttle {
  /** Something changed: make sure a run happens soon. */
  touch(): void;
  /** Stops scheduling and waits for the run in progress. */
  stop(): Promise<void>;
}

export interface ThrottleOptions {
  intervalMs: number;
  task: () => Promise<void>;
  onError: (error: unknown) => void;
  now?: () => number;
}

export function createThrottle(options: ThrottleOptions): Throttle {
  const now = options.now ?? Date.now;
  let lastRunAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let dirty = false;
  let stopped = false;

  const schedule = () => {
    if (stopped || timer || running) return;
    const delay = Math.max(0, lastRunAt + options.intervalMs - now());
    timer = setTimeout(run, delay);
  };

  const run = () => {
    timer = undefined;
    dirty = false;
    lastRunAt = now();
    running = options.task().catch(options.onError).finally(() => {
      running = undefined;
      if (dirty) schedule();
    });
  };

  return {
    touch() {
      dirty = true;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
