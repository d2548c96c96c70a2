import type { z } from 'zod';
import { analyticsEvents } from './analytics.ts';
import { cartEvents } from './cart.ts';
import { catalogEvents } from './catalog.ts';
import type { Envelope } from './envelope.ts';
import { identityEvents } from './identity.ts';
import { inventoryEvents } from './inventory.ts';
import { ordersEvents } from './orders.ts';
import { partnersEvents } from './partners.ts';
import { paymentsEvents } from './payments.ts';
import { reviewsEvents } from './reviews.ts';
import { shippingEvents } from './shipping.ts';

/**
 * Every subject, `<context>.<aggregate>.<event>.v<N>`, mapped to its payload schema. A new version
 * of an event is a new subject (`.v2`) beside the old one; both stay until no consumer needs v1.
 */
export const subjects = {
  ...identityEvents,
  ...catalogEvents,
  ...inventoryEvents,
  ...cartEvents,
  ...ordersEvents,
  ...paymentsEvents,
  ...shippingEvents,
  ...partnersEvents,
  ...analyticsEvents,
  ...reviewsEvents,
} as const satisfies Record<string, z.ZodType>;

export type Subject = keyof typeof subjects;

/** The payload type a subject carries. */
export type PayloadOf<S extends Subject> = z.infer<(typeof subjects)[S]>;

/** The bounded contexts (one JetStream stream each, even before they publish anything). */
export const contexts = [
  'identity',
  'catalog',
  'inventory',
  'search',
  'cart',
  'orders',
  'payments',
  'shipping',
  'reviews',
  'notifications',
  'analytics',
  'audit',
  'partners',
] as const;
export type Context = (typeof contexts)[number];

/** `catalog.product.created.v1` -> `catalog.product.created`. */
export type TypeOf<S extends Subject> = S extends `${infer C}.${infer A}.${infer E}.v${number}` ? `${C}.${A}.${E}` : never;
/** `catalog.product.created.v1` -> `1`. */
export type VersionOf<S extends Subject> = S extends `${string}.${string}.${string}.v${infer N extends number}` ? N : never;
/** `catalog.product.created.v1` -> `catalog`. */
export type ContextOf<S extends Subject> = S extends `${infer C}.${string}` ? C : never;

/** The envelope of one subject; a union over `S` narrows on `event.type` (and `event.version`). */
export type EventOf<S extends Subject> = S extends Subject
  ? Envelope<PayloadOf<S>> & { type: TypeOf<S>; version: VersionOf<S> }
  : never;

const subjectPattern = /^([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\.v([1-9][0-9]*)$/;

export function isSubject(value: string): value is Subject {
  return Object.hasOwn(subjects, value);
}

/** Splits a subject into its context, envelope `type` and `version`. */
export function describeSubject<S extends Subject>(subject: S): { context: ContextOf<S>; type: TypeOf<S>; version: VersionOf<S> } {
  const match = subjectPattern.exec(subject);
  if (!match || !isSubject(subject)) throw new Error(`unknown event subject "${subject}"`);
  const [, context, aggregate, event, version] = match;
  return {
    context: context as ContextOf<S>,
    type: `${context}.${aggregate}.${event}` as TypeOf<S>,
    version: Number(version) as VersionOf<S>,
  };
}

/** The context a subject belongs to. */
export const contextOf = <S extends Subject>(subject: S): ContextOf<S> => describeSubject(subject).context;

/** The JetStream stream name of a context: `catalog` -> `CATALOG`. */
export const streamOfContext = <C extends string>(context: C): Uppercase<C> => context.toUpperCase() as Uppercase<C>;

/** The JetStream stream a subject is stored in: `catalog.product.created.v1` -> `CATALOG`. */
export const streamOf = <S extends Subject>(subject: S): Uppercase<ContextOf<S>> => streamOfContext(contextOf(subject));
