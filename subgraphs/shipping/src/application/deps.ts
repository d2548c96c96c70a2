import type { Logger } from '@drobble/kit/logger';
import type { ShippingPrisma } from '../infra/prisma.ts';

/** What the shipping use cases need from the outside world. */
export interface ShippingDeps {
  prisma: ShippingPrisma;
  logger: Logger;
  /** Called after a commit that recorded events, so the outbox relay publishes them at once. */
  eventsRecorded?: () => void;
  /** The clock (tests pin it to check the estimate). */
  now?: () => Date;
}
