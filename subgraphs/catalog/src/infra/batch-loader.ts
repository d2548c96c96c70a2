/**
 * A minimal per-request DataLoader: every load() made while a GraphQL execution step runs is
 * collected and answered by one call to `batch`, and each key is fetched at most once per loader.
 * Create new loaders for every request (their cache is the request's).
 */
export class BatchLoader<K, V> {
  readonly #batch: (keys: readonly K[]) => Promise<Map<K, V>>;
  readonly #fallback: () => V;
  readonly #cache = new Map<K, Promise<V>>();
  #queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];

  /** `batch` returns the values it found; keys it did not return get `fallback()`. */
  constructor(batch: (keys: readonly K[]) => Promise<Map<K, V>>, fallback: () => V) {
    this.#batch = batch;
    this.#fallback = fallback;
  }

  load(key: K): Promise<V> {
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V>((resolve, reject) => {
      if (this.#queue.length === 0) scheduleAfterPromises(() => this.#dispatch());
      this.#queue.push({ key, resolve, reject });
    });
    this.#cache.set(key, promise);
    return promise;
  }

  loadMany(keys: readonly K[]): Promise<V[]> {
    return Promise.all(keys.map((key) => this.load(key)));
  }

  /** Seeds the cache with a value already at hand (e.g. rows loaded by a listing). */
  prime(key: K, value: V): void {
    if (!this.#cache.has(key)) this.#cache.set(key, Promise.resolve(value));
  }

  async #dispatch(): Promise<void> {
    const queue = this.#queue;
    this.#queue = [];
    try {
      const found = await this.#batch([...new Set(queue.map((entry) => entry.key))]);
      for (const entry of queue) entry.resolve(found.has(entry.key) ? found.get(entry.key)! : this.#fallback());
    } catch (error) {
      for (const entry of queue) {
        this.#cache.delete(entry.key);
        entry.reject(error);
      }
    }
  }
}

/** Runs `fn` once the promise jobs queued now have run (what DataLoader does), so siblings batch together. */
function scheduleAfterPromises(fn: () => void): void {
  Promise.resolve().then(() => process.nextTick(fn));
}
