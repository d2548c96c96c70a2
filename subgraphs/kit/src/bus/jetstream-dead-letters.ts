import type { JetStreamClient, JetStreamManager, NatsConnection, Subscription as NatsSubscription } from 'nats';
import type { Logger } from '../logger.ts';
import { deadLetterId, deadLetterOf } from './delivery.ts';
import type { DeadLetter } from './event-bus.ts';
import { isNotFound } from './jetstream-setup.ts';
import type { Naming } from './naming.ts';

const encoder = new TextEncoder();

/** Stores a dead letter on the DLQ stream; `msgId` makes a second copy of the same letter a no-op. */
export async function publishDeadLetter(js: JetStreamClient, naming: Naming, letter: DeadLetter, msgId: string): Promise<void> {
  await js.publish(naming.dlqSubject(letter.durable, letter.subject), encoder.encode(JSON.stringify(letter)), {
    msgID: msgId,
    expect: { streamName: naming.dlqStream },
  });
}

interface MaxDeliveriesAdvisory {
  stream: string;
  consumer: string;
  stream_seq: number;
  deliveries: number;
}

export interface AdvisoryWatch {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  naming: Naming;
  stream: string;
  consumer: string;
  durable: string;
  subject: string;
  logger: Logger;
}

/**
 * The handler path dead-letters a message on its last failed delivery. A message whose last
 * delivery was never answered (the process died, or hung past the server's ack wait) is given up
 * by the server silently, except for a `MAX_DELIVERIES` advisory (nats-server 2.2+, sent while the
 * consumer has a pull waiting). This listener turns that advisory into the same dead letter. One
 * queue group, so one replica handles each advisory; the letter's msgId dedupes the rest.
 */
export function watchMaxDeliveries(watch: AdvisoryWatch): NatsSubscription {
  const subject = `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${watch.stream}.${watch.consumer}`;
  return watch.nc.subscribe(subject, {
    queue: 'drobble-dead-letters',
    callback: (error, msg) => {
      if (error) return watch.logger.warn({ err: error }, 'max-deliveries advisory subscription failed');
      void deadLetterFromAdvisory(watch, msg.json<MaxDeliveriesAdvisory>()).catch((failure: unknown) =>
        watch.logger.error({ err: failure, advisory: msg.string() }, 'cannot dead-letter an exhausted message'),
      );
    },
  });
}

async function deadLetterFromAdvisory(watch: AdvisoryWatch, advisory: MaxDeliveriesAdvisory): Promise<void> {
  const stored = await watch.jsm.streams.getMessage(watch.stream, { seq: advisory.stream_seq });
  const error = `no ack after ${advisory.deliveries} deliveries (the consumer crashed or did not answer within its ack wait)`;
  const letter = deadLetterOf(watch.durable, watch.subject, stored.string(), error, advisory.deliveries);
  await publishDeadLetter(watch.js, watch.naming, letter, deadLetterId(watch.stream, advisory.stream_seq, watch.consumer));
  watch.logger.error({ durable: watch.durable, subject: watch.subject, seq: advisory.stream_seq }, 'exhausted message dead-lettered');
}

/** Reads the dead letters under `filter` with a short-lived ordered consumer. */
export async function readDeadLetters(js: JetStreamClient, jsm: JetStreamManager, naming: Naming, durable?: string): Promise<DeadLetter[]> {
  const filter = naming.dlqFilter(durable);
  let count: number;
  try {
    const info = await jsm.streams.info(naming.dlqStream, { subjects_filter: filter });
    count = Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  if (count === 0) return [];
  const consumer = await js.consumers.get(naming.dlqStream, { filterSubjects: filter });
  const messages = await consumer.fetch({ max_messages: count, expires: 5_000 });
  const letters: DeadLetter[] = [];
  for await (const msg of messages) {
    letters.push(msg.json<DeadLetter>());
    if (letters.length >= count) break;
  }
  return letters;
}
