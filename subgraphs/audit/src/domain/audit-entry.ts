import { describeSubject, secretFields, type EventOf, type Subject } from '@drobble/schema/events';

/** What the log keeps of one event. */
export interface AuditEntryRecord {
  id: string;
  type: string;
  subject: string;
  actorId: string | null;
  subjectId: string | null;
  correlationId: string;
  causationId: string | null;
  at: Date;
  data: Record<string, unknown>;
}

export const REDACTED = '[redacted]';

/** Ids looked for, in order, after `<aggregate>Id` and `id`, when the payload has neither. */
const fallbackIdFields = ['orderId', 'userId', 'variantId', 'productId'] as const;

/**
 * The id of the aggregate an event is about: `<aggregate>Id` (orders.order.* -> orderId,
 * payments.payment.* -> paymentId, cart.cart.* -> cartId), else the payload's `id` (catalog
 * snapshots), else the first of orderId, userId, variantId, productId; null when none is there
 * (e.g. identity.login.failed, which names only an email).
 */
export function subjectIdOf(subject: Subject, data: Record<string, unknown>): string | null {
  const aggregate = describeSubject(subject).type.split('.')[1]!;
  const camel = aggregate.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
  for (const field of [`${camel}Id`, 'id', ...fallbackIdFields]) {
    const value = data[field];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return null;
}

/** The payload with the subject's secret fields (schema/events secretFields) replaced by "[redacted]". */
export function redact(subject: Subject, data: Record<string, unknown>): Record<string, unknown> {
  const secrets = (secretFields as Partial<Record<string, readonly string[]>>)[subject] ?? [];
  if (secrets.length === 0) return data;
  const copy = { ...data };
  for (const field of secrets) if (field in copy) copy[field] = REDACTED;
  return copy;
}

/** Turns a delivered event into its log entry. */
export function toAuditEntry<S extends Subject>(subject: S, event: EventOf<S>): AuditEntryRecord {
  const data = event.data as Record<string, unknown>;
  return {
    id: event.id,
    type: event.type,
    subject,
    actorId: event.actor?.userId ?? null,
    subjectId: subjectIdOf(subject, data),
    correlationId: event.correlationId,
    causationId: event.causationId,
    at: new Date(event.occurredAt),
    data: redact(subject, data),
  };
}
