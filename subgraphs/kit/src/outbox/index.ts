/** `@drobble/kit/outbox/index`: the transactional outbox (publish side) and inbox (consume side). */
export { handleOnce } from './inbox.ts';
export type { InboxWriter, OutboxStore, OutboxWriter, TransactionOptions, TransactionRunner } from './prisma-shapes.ts';
export { recordEvent } from './record-event.ts';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './relay.ts';
