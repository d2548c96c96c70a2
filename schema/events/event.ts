import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { envelopeOf, type Actor } from './envelope.ts';
import { describeSubject, isSubject, subjects, type EventOf, type PayloadOf, type Subject } from './subjects.ts';

/** What a publisher knows besides the payload. */
export interface EventMeta {
  /** The request (or upstream event) this change belongs to; follows the work across services. */
  correlationId: string;
  /** The id of the event or command that directly caused this one; `null`/absent for a user request. */
  causationId?: string | null;
  /** Who did it; `null`/absent for the system (jobs, sagas without a user). */
  actor?: Actor;
  /** Defaults to now. */
  occurredAt?: Date;
  /** Defaults to a fresh UUID; pass one only to re-create a known event (e.g. in tests). */
  id?: string;
}

/** An envelope or payload that does not match its subject's schema. Poison: retrying cannot fix it. */
export class EventValidationError extends Error {
  readonly subject: string;
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(subject: string, message: string, issues: readonly z.core.$ZodIssue[] = []) {
    super(`invalid event for "${subject}": ${message}`);
    this.name = 'EventValidationError';
    this.subject = subject;
    this.issues = issues;
  }
}

const envelopeSchemas = new Map<Subject, z.ZodType>();

function envelopeSchemaFor(subject: Subject): z.ZodType {
  let schema = envelopeSchemas.get(subject);
  if (!schema) {
    schema = envelopeOf(subjects[subject]);
    envelopeSchemas.set(subject, schema);
  }
  return schema;
}

/**
 * Validates an envelope received (or about to be sent) on `subject`: the envelope fields, the
 * payload against the subject's schema, and that `type`/`version` name that subject.
 * Throws EventValidationError. Fields the schema does not list are dropped, not refused, so a
 * consumer keeps working when a newer publisher adds an optional field to the same version.
 */
export function parseEvent<S extends Subject>(subject: S, raw: unknown): EventOf<S> {
  if (!isSubject(subject)) throw new EventValidationError(subject, 'unknown subject');
  const result = envelopeSchemaFor(subject).safeParse(raw);
  if (!result.success) throw new EventValidationError(subject, z.prettifyError(result.error), result.error.issues);
  const event = result.data as EventOf<S>;
  const expected = describeSubject(subject);
  if (event.type !== expected.type || event.version !== expected.version) {
    const got = `${event.type} v${event.version}`;
    throw new EventValidationError(subject, `envelope says ${got}, subject says ${expected.type} v${expected.version}`);
  }
  return event;
}

/**
 * Builds and validates the envelope of a new event. Throws EventValidationError on a bad payload,
 * including a field the schema does not list (a publisher never leaks what it did not mean to).
 */
export function createEvent<S extends Subject>(subject: S, data: PayloadOf<S>, meta: EventMeta): EventOf<S> {
  if (!isSubject(subject)) throw new EventValidationError(subject, 'unknown subject');
  const { type, version } = describeSubject(subject);
  const event = parseEvent(subject, {
    id: meta.id ?? randomUUID(),
    type,
    version,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    correlationId: meta.correlationId,
    causationId: meta.causationId ?? null,
    actor: meta.actor ?? null,
    data,
  });
  const unknown = unknownFields(data, event.data, 'data');
  if (unknown.length > 0) throw new EventValidationError(subject, `unknown field(s) ${unknown.join(', ')}`);
  return event;
}

/** Paths present in `input` but dropped by parsing (zod strips keys a schema does not list). */
function unknownFields(input: unknown, output: unknown, path: string): string[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, index) => unknownFields(item, output[index], `${path}[${index}]`));
  }
  if (!isRecord(input) || !isRecord(output)) return [];
  return Object.entries(input).flatMap(([key, value]) => {
    if (value === undefined) return [];
    return key in output ? unknownFields(value, output[key], `${path}.${key}`) : [`${path}.${key}`];
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
