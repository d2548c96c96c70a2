import type { Viewer } from '@drobble/kit/auth/viewer';
import type { CartPrisma } from '../infra/prisma.ts';

/** What use cases need from the outside world. */
export interface CartDeps {
  prisma: CartPrisma;
  /** A guest cart lives this long after its last change. */
  guestTtlMs: number;
  /** Currency of an empty cart's subtotal. */
  defaultCurrency: string;
  /** The clock (tests move it). */
  now: () => Date;
  /** Called after a commit that recorded events, so the outbox relay publishes them at once. */
  eventsRecorded?: () => void;
}

/** Who is asking, and the request's correlation id (carried into events). */
export interface Caller {
  viewer: Viewer;
  correlationId: string;
}

/** Interactive transactions wait for each other on the embedded database; give them room. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;
