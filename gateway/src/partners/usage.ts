import { createEvent } from '@drobble/schema/events';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import type { Logger } from '@drobble/kit/logger';

/**
 * Counts partner requests per key in memory and publishes one `partners.api_key.used.v1` per key
 * every `flushMs` (and at stop), so usage costs no write per request and no synchronous call. A
 * report that fails to publish is added back to the next one.
 */
export class UsageReporter {
  readonly #bus: EventBus;
  readonly #logger: Logger;
  #counts = new Map<string, number>();
  #since = new Date();
  readonly #timer: NodeJS.Timeout;

  constructor(bus: EventBus, logger: Logger, flushMs: number) {
    this.#bus = bus;
    this.#logger = logger;
    this.#timer = setInterval(() => void this.flush(), flushMs);
    this.#timer.unref();
  }

  count(keyId: string): void {
    this.#counts.set(keyId, (this.#counts.get(keyId) ?? 0) + 1);
  }

  async flush(): Promise<void> {
    if (this.#counts.size === 0) return;
    const counts = this.#counts;
    const from = this.#since;
    const to = new Date();
    this.#counts = new Map();
    this.#since = to;
    for (const [keyId, count] of counts) {
      const event = createEvent('partners.api_key.used.v1', { keyId, count, from: from.toISOString(), to: to.toISOString() }, { correlationId: `usage-${keyId}` });
      await this.#bus.publish('partners.api_key.used.v1', event).catch((error: unknown) => {
        this.#logger.warn({ err: error, keyId }, 'partner usage report not published; kept for the next one');
        this.#counts.set(keyId, (this.#counts.get(keyId) ?? 0) + count);
      });
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }
}
