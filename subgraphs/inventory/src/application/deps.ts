import type { Viewer } from '@drobble/kit/auth/viewer';
import type { Logger } from '@drobble/kit/logger';
import type { EventMeta } from '@drobble/schema/events';
import type { InventoryPrisma } from '../infra/prisma.ts';

/** What use cases need from the outside world. */
export interface InventoryDeps {
  prisma: InventoryPrisma;
  logger: Logger;
  /** How long a reservation holds stock before the sweeper releases it. */
  reservationTtlMs: number;
  /** lowStock threshold of variants inventory learns about. */
  defaultLowStockThreshold: number;
  /** Called after a commit that recorded events, so the outbox relay publishes them at once. */
  eventsRecorded?: () => void;
  /** The clock (tests move it). */
  now?: () => Date;
}

/** Who is asking, and the request's correlation id (carried into events). */
export interface Caller {
  viewer: Viewer;
  correlationId: string;
}

/** Interactive transactions wait for each other on the embedded database; give them room. */
export const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;

export const nowOf = (deps: InventoryDeps) => deps.now?.() ?? new Date();

/** Envelope facts for an event caused by another event (same correlation, causation = that event). */
export const causedBy = (event: { id: string; correlationId: string }): EventMeta => ({ correlationId: event.correlationId, causationId: event.id, actor: null });

/** Envelope facts for an event caused by a request. */
export const requestedBy = (caller: Caller): EventMeta => ({
  correlationId: caller.correlationId,
  actor: caller.viewer.userId ? { userId: caller.viewer.userId, roles: [...caller.viewer.roles] } : null,
});
