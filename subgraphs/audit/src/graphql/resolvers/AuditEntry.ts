import type { AuditEntryView } from '../../application/list-audit-log.ts';

/** AuditEntry: the payload goes out as JSON text. */
export const AuditEntry = {
  data: (entry: AuditEntryView) => JSON.stringify(entry.data),
};
