import type { Logger } from '../logger.ts';
import type { EventBus } from './event-bus.ts';
import { createInProcessBus } from './in-process-bus.ts';
import { createJetStreamBus } from './jetstream-bus.ts';

export interface CreateEventBusOptions {
  /** NATS JetStream when set (e.g. nats://127.0.0.1:4222); the in-process bus otherwise. */
  natsUrl?: string;
  logger: Logger;
  /** Isolates streams and subjects on a shared NATS (parallel test runs, several environments). */
  namespace?: string;
  /** Shown by nats-server for this connection. */
  connectionName?: string;
  /** Cap on every subscription's concurrency (EVENT_CONCURRENCY; 1 = strictly one event at a time). */
  maxConcurrency?: number;
}

/** The bus every service uses: JetStream in production, the embedded in-process bus by default. */
export async function createEventBus(options: CreateEventBusOptions): Promise<EventBus> {
  const logger = options.logger;
  if (!options.natsUrl) {
    logger.info('event bus: in-process (set NATS_URL for NATS JetStream)');
    return createInProcessBus({ logger, namespace: options.namespace, maxConcurrency: options.maxConcurrency });
  }
  const bus = await createJetStreamBus({ natsUrl: options.natsUrl, logger, namespace: options.namespace, connectionName: options.connectionName, maxConcurrency: options.maxConcurrency });
  logger.info({ natsUrl: redact(options.natsUrl) }, 'event bus: NATS JetStream');
  return bus;
}

/** Drops credentials from a URL before logging it. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '***';
      parsed.password = '';
    }
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}
