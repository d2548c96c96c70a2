import type { Logger } from '@drobble/kit/logger';
import type { PaymentsPrisma } from '../infra/prisma.ts';
import type { PaymentGateway } from '../providers/provider.ts';

/** What the payments use cases need from the outside world. */
export interface PaymentsDeps {
  prisma: PaymentsPrisma;
  /** The configured providers: TEST (unless disabled) and STRIPE (when STRIPE_SECRET_KEY is set). */
  gateways: Partial<Record<'TEST' | 'STRIPE', PaymentGateway>>;
  logger: Logger;
  /** Called after a commit that recorded events, so the outbox relay publishes them at once. */
  eventsRecorded?: () => void;
}
