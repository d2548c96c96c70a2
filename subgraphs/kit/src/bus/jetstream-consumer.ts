import type { ConsumerMessages, JetStreamClient, JsMsg } from 'nats';
import type { Subject } from '@drobble/schema/events';
import type { Logger } from '../logger.ts';
import { deadLetterId, deadLetterOf, deliver, orderingKey, redeliveryDelay, type ConsumerSettings } from './delivery.ts';
import { KeyedLimiter } from './keyed-limiter.ts';
import type { DeadLetter } from './event-bus.ts';

/** Everything one (durable, subject) consume loop needs. */
export interface ConsumerLoopContext {
  js: JetStreamClient;
  stream: string;
  name: string;
  subject: Subject;
  settings: ConsumerSettings;
  logger: Logger;
  /** Messages pulled ahead of the handler. Small, because their ack timers already run. */
  batch: number;
  /** Re-creates the stream and consumer after they vanished (restarts, ops mistakes). */
  ensure(): Promise<void>;
  publishDeadLetter(letter: DeadLetter, msgId: string): Promise<void>;
}

export interface ConsumerLoop {
  stop(): Promise<void>;
}

const RESUBSCRIBE_DELAY_MS = 1_000;
/**
 * How long one pull request waits for messages. nats.js derives its idle-heartbeat check from it
 * (half of it, two missed in a row), which is how a consumer deleted while no pull was pending is
 * noticed: 10 s instead of the default 30 s, for one small pull request per idle consumer per 10 s.
 */
const PULL_EXPIRES_MS = 10_000;

/**
 * A pull-consumer loop in the style of nats.js' examples: consume, handle one message at a time
 * (or up to `concurrency.limit`, same-key messages in order), ack explicitly; when the iterator
 * fails (consumer or stream deleted, no responders) wait, make sure the consumer exists again and
 * re-subscribe. Reconnects are handled inside nats.js. Stopping lets in-flight messages finish.
 */
export function startConsumerLoop(context: ConsumerLoopContext): ConsumerLoop {
  const stopping = new AbortController();
  let current: ConsumerMessages | undefined;
  const log = context.logger.child({ durable: context.settings.durable, subject: context.subject });
  const limiter = new KeyedLimiter(context.settings.concurrency.limit, (error) => log.error({ err: error }, 'delivery failed'));

  const run = async () => {
    while (!stopping.signal.aborted) {
      try {
        const consumer = await context.js.consumers.get(context.stream, context.name);
        current = await consumer.consume({ max_messages: context.batch, expires: PULL_EXPIRES_MS, abort_on_missing_resource: true });
        if (stopping.signal.aborted) current.stop();
        for await (const msg of current) {
          if (stopping.signal.aborted) msg.nak();
          else await limiter.admit(orderingKey(context.settings, msg.string()), () => handleMessage(context, msg, log));
        }
      } catch (error) {
        if (!stopping.signal.aborted) log.warn({ err: error }, 'consumer loop interrupted, re-subscribing');
      }
      if (stopping.signal.aborted) break;
      await sleep(RESUBSCRIBE_DELAY_MS, stopping.signal);
      await context.ensure().catch((error: unknown) => log.warn({ err: error }, 'cannot re-create consumer yet'));
    }
    await limiter.drain();
  };
  const done = run();
  return {
    async stop() {
      stopping.abort();
      current?.stop();
      await done;
    },
  };
}

async function handleMessage(context: ConsumerLoopContext, msg: JsMsg, log: Logger): Promise<void> {
  const { settings, subject } = context;
  const text = msg.string();
  const deliveryCount = msg.info.deliveryCount;
  const outcome = await deliver(settings, { subject, text, deliveryCount }, context.logger);
  if (outcome.kind === 'ack') {
    // A lost ack means one more delivery later; idempotent handlers (inbox) make that harmless.
    const acked = await msg.ackAck({ timeout: 5_000 }).catch(() => false);
    if (!acked) log.warn({ seq: msg.info.streamSequence }, 'ack not confirmed; the event may be redelivered');
    return;
  }
  if (outcome.kind === 'retry') return msg.nak(outcome.delayMs);
  const letter = deadLetterOf(settings.durable, subject, text, outcome.error, deliveryCount);
  try {
    await context.publishDeadLetter(letter, deadLetterId(context.stream, msg.info.streamSequence, context.name));
    // No reason text: nats-server 2.9 ignores `+TERM <reason>` (2.10+ understands it).
    msg.term();
  } catch (error) {
    // Keep the message; the max-deliveries advisory (or the next delivery) dead-letters it later.
    log.error({ err: error }, 'cannot publish dead letter, leaving the message unacked');
    msg.nak(redeliveryDelay(settings.backoffMs, deliveryCount));
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
