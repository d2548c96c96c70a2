import type { EventBus, Listener } from '@drobble/kit/bus/event-bus';
import type { Logger } from '@drobble/kit/logger';
import type { Subject } from '@drobble/schema/events';

/** What a local subscriber receives: the validated envelope. */
export interface HubEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

type Deliver = (event: HubEvent) => void;

interface Topic {
  deliveries: Set<Deliver>;
  listener: Promise<Listener | undefined>;
}

/**
 * One non-durable bus listener per subject for this gateway replica, shared by every local
 * subscriber of that subject and routed in memory. The listener exists exactly while at least one
 * subscriber does: the last one to leave stops it, so nothing stays subscribed on NATS.
 */
export class EventHub {
  readonly #bus: EventBus;
  readonly #logger: Logger;
  readonly #topics = new Map<string, Topic>();

  constructor(bus: EventBus, logger: Logger) {
    this.#bus = bus;
    this.#logger = logger;
  }

  /** Resolves once the bus listens (events published after that reach `deliver`); returns the unsubscribe. */
  async subscribe(subject: string, deliver: Deliver): Promise<() => void> {
    let topic = this.#topics.get(subject);
    if (!topic) {
      const deliveries = new Set<Deliver>();
      const fanOut = (event: unknown) => {
        for (const each of [...deliveries]) each(event as HubEvent);
      };
      const listener = this.#bus.listen([subject as Subject], fanOut).catch((error: unknown) => {
        this.#logger.error({ err: error, subject }, 'cannot listen to subject');
        if (this.#topics.get(subject) === topic) this.#topics.delete(subject);
        return undefined;
      });
      topic = { deliveries, listener };
      this.#topics.set(subject, topic);
    }
    const current = topic;
    current.deliveries.add(deliver);
    if (!(await current.listener)) {
      current.deliveries.delete(deliver);
      throw new Error(`cannot listen to ${subject}`);
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      current.deliveries.delete(deliver);
      if (current.deliveries.size > 0 || this.#topics.get(subject) !== current) return;
      this.#topics.delete(subject);
      void current.listener.then((listener) => listener?.stop());
    };
  }

  /** Local subscribers per subject (metrics, tests). */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.#topics].map(([subject, topic]) => [subject, topic.deliveries.size]));
  }
}
