import { requireOwnerOrRole } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { conflict, notFound } from '@drobble/kit/errors';
import { changeStatus, lockPayment, type PaymentRow } from '../infra/payment-repository.ts';
import { TX_OPTIONS } from '../infra/prisma.ts';
import type { PaymentsDeps } from './deps.ts';
import { metaFor, recordOutcome } from './payment-events.ts';

/**
 * confirmTestPayment: what the customer's confirmation step (3-D Secure) is for the TEST provider.
 * The order's owner or an ADMIN moves a REQUIRES_ACTION payment to SUCCEEDED, which the saga hears.
 */
export async function confirmTestPayment(deps: PaymentsDeps, viewer: Viewer, orderId: string): Promise<PaymentRow> {
  const confirmed = await deps.prisma.$transaction(async (tx) => {
    const payment = await lockPayment(tx, { orderId });
    if (!payment) throw notFound('Payment');
    requireOwnerOrRole(viewer, payment.customerId, 'ADMIN');
    if (payment.provider !== 'TEST') throw conflict('Only TEST payments are confirmed this way; Stripe payments are confirmed by the customer with Stripe');
    if (payment.status !== 'REQUIRES_ACTION') throw conflict(`The payment is ${payment.status}, not REQUIRES_ACTION`);
    const updated = await changeStatus(tx, payment, { status: 'SUCCEEDED', at: new Date(), note: 'confirmed by the customer', source: viewer.userId });
    await recordOutcome(tx, updated, { ...metaFor(updated, payment.requestEventId), actor: { userId: viewer.userId!, roles: [...viewer.roles] } });
    return updated;
  }, TX_OPTIONS);
  deps.eventsRecorded?.();
  return confirmed;
}
