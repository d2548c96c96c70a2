import { DateTime } from '@drobble/kit/graphql/date-time';
import { auditLog } from './Query/auditLog.ts';
import { AuditEntry } from './AuditEntry.ts';

/** Every resolver of the audit subgraph, keyed as in schema.graphql. */
export const resolvers = {
  DateTime,
  Query: { auditLog },
  AuditEntry,
};
