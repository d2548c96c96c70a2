/** A background worker's loop: run, then wait for a nudge or the poll interval, until stopped. */
export interface PollLoop {
  /** Run again soon, without waiting for the next poll. */
  nudge(): void;
  /** Stops polling; a run in progress finishes first. */
  stop(): Promise<void>;
}

/**
 * Runs `work` at once, then again whenever nudged or every `pollMs`, never two runs at a time. A
 * failed run goes to `onError` and the loop carries on (the outbox relay, the mail sender).
 */
export function startPollLoop(options: { pollMs: number; work: () => Promise<unknown>; onError: (error: unknown) => void }): PollLoop {
  let stopped = false;
  let nudged = false;
  let wake: (() => void) | undefined;
  const loop = async () => {
    while (!stopped) {
      nudged = false;
      await options.work().catch(options.onError);
      if (stopped || nudged) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs);
        wake = () => (clearTimeout(timer), resolve());
      });
      wake = undefined;
    }
  };
  const running = loop();
  return {
    nudge() {
      nudged = true;
      wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
  };
}

/** Runs the tasks given to it one after another (a later one starts when the earlier one settled). */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
    /** Resolves when every task queued so far has settled. */
    idle: () => tail.then(() => undefined),
  };
}
