/**
 * Runs tasks with at most `limit` in flight, and tasks that share a key one after another in the
 * order they were admitted. `admit` resolves as soon as the task has a slot, so a consume loop
 * keeps fetching while earlier tasks run, and waits while every slot is taken.
 * Tasks must not reject (a rejection is passed to `onError` and otherwise ignored).
 */
export class KeyedLimiter {
  readonly #limit: number;
  readonly #onError: (error: unknown) => void;
  readonly #tails = new Map<string, Promise<void>>();
  readonly #running = new Set<Promise<void>>();
  #roomWaiters: (() => void)[] = [];

  constructor(limit: number, onError: (error: unknown) => void) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('concurrency limit must be an integer >= 1');
    this.#limit = limit;
    this.#onError = onError;
  }

  /** Resolves when a task could start now. */
  async waitForRoom(): Promise<void> {
    while (this.#running.size >= this.#limit) await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
  }

  async admit(key: string, task: () => Promise<void>): Promise<void> {
    await this.waitForRoom();
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const run: Promise<void> = previous
      .then(task)
      .catch(this.#onError)
      .finally(() => {
        this.#running.delete(run);
        if (this.#tails.get(key) === run) this.#tails.delete(key);
        this.#roomWaiters.shift()?.();
      });
    this.#running.add(run);
    this.#tails.set(key, run);
  }

  /** Resolves when every admitted task has finished. */
  async drain(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running]);
  }
}
