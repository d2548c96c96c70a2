import { handleOnce } from '@drobble/kit/outbox/inbox';
import type { EventOf } from '@drobble/schema/events';
import { nextShipmentStatus } from '../domain/shipment-status.ts';
import { TX_OPTIONS } from '../infra/prisma.ts';
import type { ShippingDeps } from './deps.ts';

export const FOLLOW_CONSUMER = 'shipping-order-status';

/** orders.order.status_changed.v1 (SHIPPED, DELIVERED, CANCELLED, REFUNDED) moves the order's shipment forward. */
export async function followOrderStatus(deps: ShippingDeps, event: EventOf<'orders.order.status_changed.v1'>): Promise<void> {
  await handleOnce(
    deps.prisma,
    FOLLOW_CONSUMER,
    event,
    async (tx) => {
      const shipment = await tx.shipment.findUnique({ where: { orderId: event.data.orderId } });
      if (!shipment) return;
      const next = nextShipmentStatus(shipment.status, event.data.to);
      // Conditional on the status read, so a concurrent change is not overwritten.
      if (next) await tx.shipment.updateMany({ where: { id: shipment.id, status: shipment.status }, data: { status: next } });
    },
    TX_OPTIONS,
  );
}
