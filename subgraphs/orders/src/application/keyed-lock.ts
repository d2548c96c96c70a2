/**
 * Runs tasks with the same key one after another within this process. placeOrder uses it per
 * idempotency key so concurrent retries from one client wait for the first instead of racing to the
 * unique constraint (which still decides between replicas).
 */
export function createKeyedLock() {
  const tails = new Map<string, Promise<unknown>>();
  return async function withKey<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
