/**
 * @drobble/schema/events: the only place cross-context event contracts live. Publishers build
 * envelopes with `createEvent`, consumers validate them with `parseEvent`; both against the
 * payload schema registered for the subject in `subjects`.
 */
export { actorSchema, envelopeOf, envelopeSchema, type Actor, type Envelope } from './envelope.ts';
export { createEvent, EventValidationError, parseEvent, type EventMeta } from './event.ts';
export {
  contextOf,
  contexts,
  describeSubject,
  isSubject,
  streamOf,
  streamOfContext,
  subjects,
  type Context,
  type ContextOf,
  type EventOf,
  type PayloadOf,
  type Subject,
  type TypeOf,
  type VersionOf,
} from './subjects.ts';
export { identityEvents, role, secretFields } from './identity.ts';
export { catalogEvents, productSnapshot, type ProductSnapshot } from './catalog.ts';
export { currency, minorUnits, money, type Money } from './money.ts';
export { inventoryEvents } from './inventory.ts';
export { orderLine, orderStatus, ordersEvents, paymentProvider, shippingAddress, shippingMethod, type OrderStatus } from './orders.ts';
export { paymentsEvents } from './payments.ts';
export { shippingEvents } from './shipping.ts';
export { cartEvents } from './cart.ts';
export { analyticsEvents } from './analytics.ts';
export { ratingSummary, reviewsEvents, type RatingSummaryPayload } from './reviews.ts';
export { partnersEvents } from './partners.ts';
