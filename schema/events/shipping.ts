import { z } from 'zod';
import { id } from './envelope.ts';

/** Shipping events. */

export const shipmentPreparedV1 = z.object({
  shipmentId: id(),
  orderId: id(),
  carrier: z.string().min(1),
  trackingNumber: z.string().min(1),
  estimatedDelivery: z.iso.datetime({ offset: false }).nullable(),
});

/** Subject -> payload schema for the shipping context. */
export const shippingEvents = {
  'shipping.shipment.prepared.v1': shipmentPreparedV1,
} as const;
