import { randomUUID } from 'node:crypto';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import { recordEvent } from '@drobble/kit/outbox/record-event';
import type { EventOf } from '@drobble/schema/events';
import { CARRIERS } from '../domain/carrier.ts';
import { estimateDelivery } from '../domain/delivery-estimate.ts';
import { newTrackingNumber } from '../domain/tracking-number.ts';
import { TX_OPTIONS, isUniqueViolationOn, type ShipmentRow, type Tx } from '../infra/prisma.ts';
import type { ShippingDeps } from './deps.ts';

export const PREPARE_CONSUMER = 'shipping-prepare';

type ShipmentRequested = EventOf<'orders.order.shipment_requested.v1'>;

/**
 * orders.order.shipment_requested.v1 -> one shipment per order (carrier and estimate by method,
 * a fresh tracking number) and shipping.shipment.prepared.v1. A repeated request for an order that
 * has its shipment publishes the same facts again and creates nothing.
 */
export async function prepareShipment(deps: ShippingDeps, event: ShipmentRequested): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await handleOnce(deps.prisma, PREPARE_CONSUMER, event, (tx) => prepareOnce(deps, tx, event), TX_OPTIONS);
      deps.eventsRecorded?.();
      return;
    } catch (error) {
      // A tracking number collision (1 in 10^8 per pair): draw another.
      if (attempt < 3 && isUniqueViolationOn(error, 'tracking_number')) continue;
      throw error;
    }
  }
}

async function prepareOnce(deps: ShippingDeps, tx: Tx, event: ShipmentRequested): Promise<void> {
  const request = event.data;
  const shipment = (await tx.shipment.findUnique({ where: { orderId: request.orderId } })) ?? (await createShipment(deps, tx, request));
  await recordEvent(
    tx,
    'shipping.shipment.prepared.v1',
    { shipmentId: shipment.id, orderId: shipment.orderId, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, estimatedDelivery: shipment.estimatedDelivery.toISOString() },
    { correlationId: event.correlationId, causationId: event.id, actor: null },
  );
}

function createShipment(deps: ShippingDeps, tx: Tx, request: ShipmentRequested['data']): Promise<ShipmentRow> {
  const service = CARRIERS[request.shippingMethod];
  return tx.shipment.create({
    data: {
      id: randomUUID(),
      orderId: request.orderId,
      orderNumber: request.number,
      method: request.shippingMethod,
      carrier: service.carrier,
      trackingNumber: newTrackingNumber(service.prefix),
      status: 'PREPARED',
      estimatedDelivery: estimateDelivery(deps.now?.() ?? new Date(), service.businessDays),
      address: request.shippingAddress,
      lines: request.lines,
    },
  });
}
