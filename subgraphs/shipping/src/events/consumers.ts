import { perAggregate } from '@drobble/kit/bus/concurrency';
import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import type { ShippingDeps } from '../application/deps.ts';
import { FOLLOW_CONSUMER, followOrderStatus } from '../application/follow-order.ts';
import { PREPARE_CONSUMER, prepareShipment } from '../application/prepare-shipment.ts';

/** Shipping's durable consumers, idempotent through the inbox. */
export async function startShippingConsumers(bus: EventBus, deps: ShippingDeps): Promise<Subscription[]> {
  return Promise.all([
    bus.subscribe({ durable: PREPARE_CONSUMER, subjects: ['orders.order.shipment_requested.v1'], concurrency: perAggregate('orderId'), handler: (event) => prepareShipment(deps, event) }),
    bus.subscribe({ durable: FOLLOW_CONSUMER, subjects: ['orders.order.status_changed.v1'], handler: (event) => followOrderStatus(deps, event) }),
  ]);
}
