import type { Viewer } from '@drobble/kit/auth/viewer';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import type { EventMeta } from '@drobble/schema/events';
import type { OrderConfig } from '../config.ts';
import type { OrdersPrisma } from '../infra/prisma.ts';

/** What use cases need from the outside world. */
export interface OrdersDeps {
  prisma: OrdersPrisma;
  config: OrderConfig;
  bus: EventBus;
  /** Called after a commit that recorded events, so the outbox relay publishes them at once. */
  eventsRecorded: () => void;
}

/** Who is asking, and the request's correlation id (carried into events). */
export interface Caller {
  viewer: Viewer;
  correlationId: string;
}

export const actorOf = (viewer: Viewer): EventMeta['actor'] => (viewer.userId ? { userId: viewer.userId, roles: [...viewer.roles] } : null);
