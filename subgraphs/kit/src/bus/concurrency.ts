/**
 * Concurrency for a subscription (SubscribeOptions.concurrency) whose events belong to an
 * aggregate named in their data: events of different aggregates (orders) run side by side, up to
 * `limit`, while one aggregate's events stay in delivery order. Events without the field share
 * the key '' (one at a time among themselves).
 */
export function perAggregate(field: string, limit = 8): { limit: number; key(event: { data?: unknown }): string } {
  return {
    limit,
    key(event) {
      const value = (event.data as Record<string, unknown> | undefined)?.[field];
      return typeof value === 'string' ? value : '';
    },
  };
}
