/**
 * A per-request batching cache, like DataLoader: every load() made in the same tick becomes one
 * call to `batch` with the distinct keys; results are cached for the rest of the request.
 */
export interface BatchLoader<K, V> {
  load(key: K): Promise<V | undefined>;
}

export function createBatchLoader<K, V>(batch: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>): BatchLoader<K, V> {
  const cache = new Map<K, Promise<V | undefined>>();
  let pending: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];

  const flush = async () => {
    const queued = pending;
    pending = [];
    try {
      const results = await batch([...new Set(queued.map((entry) => entry.key))]);
      for (const entry of queued) entry.resolve(results.get(entry.key));
    } catch (error) {
      for (const entry of queued) {
        cache.delete(entry.key);
        entry.reject(error);
      }
    }
  };

  return {
    load(key) {
      const cached = cache.get(key);
      if (cached) return cached;
      const promise = new Promise<V | undefined>((resolve, reject) => {
        // Same trick as DataLoader: after the current promise jobs, so loads from sibling resolvers join.
        if (pending.length === 0) void Promise.resolve().then(() => process.nextTick(flush));
        pending.push({ key, resolve, reject });
      });
      cache.set(key, promise);
      return promise;
    },
  };
}
