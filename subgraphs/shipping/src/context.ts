import type { RequestContext } from '@drobble/kit/server/request-context';
import type { ShippingDeps } from './application/deps.ts';
import type { ShipmentRow } from './infra/prisma.ts';

/** Loads the shipments of every order asked for in one tick with one query. */
function shipmentsByOrder(deps: ShippingDeps) {
  let pending: Map<string, ((row: ShipmentRow | null) => void)[]> | null = null;
  return (orderId: string) =>
    new Promise<ShipmentRow | null>((resolve, reject) => {
      if (!pending) {
        const batch = new Map<string, ((row: ShipmentRow | null) => void)[]>();
        pending = batch;
        queueMicrotask(() => {
          pending = null;
          deps.prisma.shipment.findMany({ where: { orderId: { in: [...batch.keys()] } } }).then((rows) => {
            const byOrder = new Map(rows.map((row) => [row.orderId, row]));
            for (const [id, waiters] of batch) for (const done of waiters) done(byOrder.get(id) ?? null);
          }, reject);
        });
      }
      pending.set(orderId, [...(pending.get(orderId) ?? []), resolve]);
    });
}

/** What every shipping resolver gets. */
export interface ShippingContext extends RequestContext {
  deps: ShippingDeps;
  shipmentOfOrder: (orderId: string) => Promise<ShipmentRow | null>;
}

export function createShippingContext(deps: ShippingDeps) {
  return (base: RequestContext): ShippingContext => ({ ...base, deps, shipmentOfOrder: shipmentsByOrder(deps) });
}
