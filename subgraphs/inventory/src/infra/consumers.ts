import { perAggregate } from '@drobble/kit/bus/concurrency';
import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import type { InventoryDeps } from '../application/deps.ts';
import { reserveStock, RESERVE_CONSUMER } from '../application/reserve-stock.ts';
import { commitReservation, COMMIT_CONSUMER, releaseReservation, RELEASE_CONSUMER } from '../application/settle-reservation.ts';
import { CATALOG_CONSUMER, catalogSubjects, syncCatalogProduct } from '../application/sync-catalog.ts';

/** The inventory's durable consumers: catalog products, and the order saga's three requests. */
export async function startConsumers(bus: EventBus, deps: InventoryDeps): Promise<Subscription[]> {
  return Promise.all([
    bus.subscribe({ durable: CATALOG_CONSUMER, subjects: catalogSubjects, handler: (event) => syncCatalogProduct(deps, event) }),
    bus.subscribe({ durable: RESERVE_CONSUMER, subjects: ['orders.order.stock_reservation_requested.v1'], concurrency: perAggregate('orderId'), handler: (event) => reserveStock(deps, event) }),
    bus.subscribe({ durable: COMMIT_CONSUMER, subjects: ['orders.order.paid.v1'], concurrency: perAggregate('orderId'), handler: (event) => commitReservation(deps, event) }),
    bus.subscribe({ durable: RELEASE_CONSUMER, subjects: ['orders.order.stock_release_requested.v1'], concurrency: perAggregate('orderId'), handler: (event) => releaseReservation(deps, event) }),
  ]);
}
