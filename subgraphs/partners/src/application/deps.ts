import type { Viewer } from '@drobble/kit/auth/viewer';
import type { PartnersPrisma } from '../infra/prisma.ts';

/** What use cases need from the outside world. */
export interface PartnersDeps {
  prisma: PartnersPrisma;
  /** Persisted-document ids a key may be granted (the manifest's keys); undefined: any sha256 id. */
  knownOperations?: ReadonlySet<string>;
  /** Called after a commit that recorded events, so the outbox relay publishes them at once. */
  eventsRecorded?: () => void;
}

/** Who is asking, and the request's correlation id (carried into events). */
export interface Caller {
  viewer: Viewer;
  correlationId: string;
}

export const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export const eventMeta = (caller: Caller) => ({
  correlationId: caller.correlationId,
  actor: caller.viewer.userId ? { userId: caller.viewer.userId, roles: [...caller.viewer.roles] } : null,
});
