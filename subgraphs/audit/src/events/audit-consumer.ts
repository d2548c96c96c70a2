import type { EventBus, Subscription } from '@drobble/kit/bus/event-bus';
import type { Logger } from '@drobble/kit/logger';
import { handleOnce } from '@drobble/kit/outbox/inbox';
import { subjects, type Subject } from '@drobble/schema/events';
import { toAuditEntry } from '../domain/audit-entry.ts';
import type { AuditPrisma } from '../infra/prisma.ts';

export const AUDIT_DURABLE = 'audit-log';

/** Every subject of every stream, as registered in schema/events/subjects.ts. */
export const auditedSubjects = Object.keys(subjects) as Subject[];

/**
 * One durable on every subject: each event becomes one audit entry (its id is the event id), at
 * most once thanks to the inbox. Insert only: the code has no path that updates or deletes entries,
 * and the database refuses it anyway (trigger in the append_only migration).
 */
export function subscribeAuditLog(bus: EventBus, prisma: AuditPrisma, logger: Logger): Promise<Subscription> {
  return bus.subscribe({
    durable: AUDIT_DURABLE,
    subjects: auditedSubjects,
    maxDeliver: 10,
    handler: async (event, meta) => {
      const entry = toAuditEntry(meta.subject, event);
      const recorded = await handleOnce(prisma, AUDIT_DURABLE, event, async (tx) => {
        await tx.auditEntry.createMany({ data: [{ ...entry, data: entry.data as object }], skipDuplicates: true });
      });
      if (recorded) logger.debug({ eventId: event.id, type: event.type, correlationId: event.correlationId }, 'audited');
    },
  });
}
