import { z } from 'zod';

/**
 * Ids are 8-4-4-4-12 hex UUIDs. `z.guid()` (not the stricter `z.uuid()`) so hand-written seed ids such as
 * 00000000-0000-0000-0000-000000000001, which PostgreSQL's uuid type accepts, are accepted here too.
 */
export const id = () => z.guid();

/** Who caused the event: a signed-in user (or a token without a user), or `null` for the system itself. */
export const actorSchema = z.object({
  userId: id().nullable(),
  roles: z.array(z.string().min(1)),
}).nullable();
export type Actor = z.infer<typeof actorSchema>;

/** `<context>.<aggregate>.<event>`, lower snake case, e.g. `catalog.product.created`. */
const eventType = z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'expected <context>.<aggregate>.<event>');

/** An ISO-8601 instant in UTC (`Z` suffix, no offsets), as produced by `Date#toISOString()`. */
const utcInstant = z.iso.datetime({ offset: false });

/** A correlation or causation id: any opaque, non-empty token (request ids need not be UUIDs). */
const traceId = z.string().min(1).max(200);

/** Every envelope field except `data`; payload schemas are attached per subject by `envelopeOf`. */
export const envelopeSchema = z.object({
  id: id(),
  type: eventType,
  version: z.number().int().positive(),
  occurredAt: utcInstant,
  correlationId: traceId,
  causationId: traceId.nullable(),
  actor: actorSchema,
  data: z.unknown(),
});

/** The envelope with a payload schema in place of `data: unknown`. */
export const envelopeOf = <T extends z.ZodType>(data: T) => envelopeSchema.extend({ data });

/** A domain event on the wire: the envelope fields plus a typed payload. */
export interface Envelope<T = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  data: T;
}
