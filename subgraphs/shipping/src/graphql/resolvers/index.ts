import type { ShippingContext } from '../../context.ts';
import { DateTime } from '@drobble/kit/graphql/date-time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every resolver of the shipping subgraph. Access to Order.shipment follows the order's own:
 * the gateway only reaches it after orders resolved (and authorized) the order.
 */
export const resolvers = {
  DateTime,
  Shipment: {
    __resolveReference: (reference: { id: string }, context: ShippingContext) =>
      UUID.test(reference.id) ? context.deps.prisma.shipment.findUnique({ where: { id: reference.id.toLowerCase() } }) : null,
  },
  Order: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    shipment: (order: { id: string }, _args: unknown, context: ShippingContext) => (UUID.test(order.id) ? context.shipmentOfOrder(order.id.toLowerCase()) : null),
  },
};
