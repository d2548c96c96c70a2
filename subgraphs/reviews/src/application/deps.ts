import type { Viewer } from '@drobble/kit/auth/viewer';
import type { EventMeta } from '@drobble/schema/events';
import type { ReviewsPrisma } from '../infra/prisma.ts';

/** What use cases need from the outside world. */
export interface ReviewsDeps {
  prisma: ReviewsPrisma;
  /** Called after a commit that recorded events, so the outbox relay publishes them at once. */
  eventsRecorded?: () => void;
}

/** Who is asking, and the request's correlation id (carried into events). */
export interface Caller {
  viewer: Viewer;
  correlationId: string;
}

export const metaOf = (caller: Caller): EventMeta => ({
  correlationId: caller.correlationId,
  actor: caller.viewer.userId ? { userId: caller.viewer.userId, roles: [...caller.viewer.roles] } : null,
});
