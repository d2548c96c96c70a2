import { parseEvent, type EventOf, type Subject } from '@drobble/schema/events';
import type { Logger } from '../logger.ts';
import type { ListenHandler } from './event-bus.ts';

/**
 * Turns a raw message into a validated event and hands it to a non-durable listener. Listeners
 * feed live views: an invalid message or a throwing handler is logged and dropped (there is no
 * redelivery to hope for, and one bad message must not stop the stream).
 */
export function listenerDelivery<S extends Subject>(subject: S, handler: ListenHandler<S>, logger: Logger) {
  return (text: string): void => {
    let event: EventOf<S>;
    try {
      event = parseEvent(subject, JSON.parse(text)) as EventOf<S>;
    } catch (error) {
      logger.warn({ err: error, subject }, 'listener dropped an invalid message');
      return;
    }
    try {
      handler(event, subject);
    } catch (error) {
      logger.error({ err: error, subject }, 'listener handler threw');
    }
  };
}
