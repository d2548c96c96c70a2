import { z } from 'zod';
import { id } from './envelope.ts';
import { currency, minorUnits } from './money.ts';

/**
 * Orders events: facts about orders (placed, paid, status changes) and the order saga's requests
 * to other contexts (reserve/release stock, take/refund payment, prepare a shipment). Every saga
 * event of one order shares the order's correlation id. Amounts are integer minor units in the
 * order's currency.
 */

export const orderStatus = z.enum([
  'PENDING',
  'STOCK_RESERVED',
  'AWAITING_PAYMENT',
  'PAID',
  'READY_TO_SHIP',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'FAILED',
  'REFUNDED',
]);
export type OrderStatus = z.infer<typeof orderStatus>;

export const shippingMethod = z.enum(['STANDARD', 'EXPRESS']);
export const paymentProvider = z.enum(['TEST', 'STRIPE']);

/** A line as snapshotted at order time. */
export const orderLine = z.object({
  variantId: id(),
  productId: id(),
  sku: z.string().min(1),
  productName: z.string().min(1),
  quantity: z.number().int().positive(),
  unitPrice: minorUnits,
});

export const shippingAddress = z.object({
  fullName: z.string().min(1),
  line1: z.string().min(1),
  line2: z.string().nullable(),
  city: z.string().min(1),
  region: z.string().nullable(),
  postalCode: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code'),
  phone: z.string().nullable(),
});

/** The order's money and identity, repeated on the facts so consumers need no lookup. */
const orderFacts = {
  orderId: id(),
  number: z.string().regex(/^ORD-\d{8}-[0-9A-Z]{5}$/),
  customerId: id().nullable(),
  email: z.email(),
  currency,
};

export const orderPlacedV1 = z.object({
  ...orderFacts,
  cartId: id().nullable(),
  lines: z.array(orderLine).min(1),
  subtotal: minorUnits,
  tax: minorUnits,
  shippingCost: minorUnits,
  total: minorUnits,
  shippingMethod,
  shippingAddress,
  placedAt: z.iso.datetime({ offset: false }),
});

/** Payment succeeded: the stock is sold (inventory commits the reservation), the buyer is verified (reviews). */
export const orderPaidV1 = z.object({
  ...orderFacts,
  lines: z.array(orderLine).min(1),
  total: minorUnits,
  paidAt: z.iso.datetime({ offset: false }),
});

/** Every status change, one event each (feeds orderUpdated, notifications, analytics). */
export const orderStatusChangedV1 = z.object({
  ...orderFacts,
  from: orderStatus.nullable(),
  to: orderStatus,
  /** Why, for FAILED / CANCELLED / REFUNDED (e.g. OUT_OF_STOCK, PAYMENT_DECLINED, PAYMENT_TIMEOUT). */
  reason: z.string().max(500).nullable(),
  total: minorUnits,
  at: z.iso.datetime({ offset: false }),
});

/** Saga -> inventory: reserve every line or none. */
export const stockReservationRequestedV1 = z.object({
  orderId: id(),
  lines: z.array(z.object({ variantId: id(), quantity: z.number().int().positive() })).min(1),
});

/** Saga -> inventory: give the order's stock back (reserved, or already committed after payment). */
export const stockReleaseRequestedV1 = z.object({
  orderId: id(),
  reason: z.string().min(1).max(200),
});

/** Saga -> payments: take the order's total. */
export const paymentRequestedV1 = z.object({
  orderId: id(),
  customerId: id().nullable(),
  email: z.email(),
  amount: minorUnits,
  currency,
  provider: paymentProvider,
  /** TEST: tok_visa, tok_chargeDeclined, tok_requiresAction; STRIPE: a PaymentMethod id, or null. */
  token: z.string().max(255).nullable(),
});

/** Saga or admin -> payments: refund `amount` (null: everything not yet refunded). */
export const refundRequestedV1 = z.object({
  orderId: id(),
  refundRequestId: id(),
  amount: minorUnits.nullable(),
  reason: z.string().min(1).max(500),
});

/** Saga -> shipping: prepare the shipment (carrier, tracking number, estimate). */
export const shipmentRequestedV1 = z.object({
  orderId: id(),
  number: z.string().min(1),
  shippingMethod,
  shippingAddress,
  lines: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })).min(1),
});

/** Subject -> payload schema for the orders context. */
export const ordersEvents = {
  'orders.order.placed.v1': orderPlacedV1,
  'orders.order.paid.v1': orderPaidV1,
  'orders.order.status_changed.v1': orderStatusChangedV1,
  'orders.order.stock_reservation_requested.v1': stockReservationRequestedV1,
  'orders.order.stock_release_requested.v1': stockReleaseRequestedV1,
  'orders.order.payment_requested.v1': paymentRequestedV1,
  'orders.order.refund_requested.v1': refundRequestedV1,
  'orders.order.shipment_requested.v1': shipmentRequestedV1,
} as const;
