/** The transactional outbox (kit): recordEvent inside the use case's transaction, the relay publishes. */
export { recordEvent } from '@drobble/kit/outbox/record-event';
export { startOutboxRelay, type OutboxRelay } from '@drobble/kit/outbox/relay';
