export type ShipmentStatus = 'PREPARED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';

/** The shipment status an order status implies, if any. */
const FROM_ORDER: Partial<Record<string, ShipmentStatus>> = { SHIPPED: 'SHIPPED', DELIVERED: 'DELIVERED', CANCELLED: 'CANCELLED', REFUNDED: 'CANCELLED' };

/** Allowed moves; anything else (a late or repeated event) leaves the shipment as it is. */
const TRANSITIONS: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  PREPARED: ['SHIPPED', 'DELIVERED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

/** The new status for a shipment when its order moved to `orderStatus`, or null for no change. */
export function nextShipmentStatus(current: ShipmentStatus, orderStatus: string): ShipmentStatus | null {
  const next = FROM_ORDER[orderStatus];
  return next && TRANSITIONS[current].includes(next) ? next : null;
}
