import { requireRole } from '@drobble/kit/auth/guards';
import { listAuditLog, type AuditLogArgs } from '../../../application/list-audit-log.ts';
import type { AuditContext } from '../../../context.ts';

/** Query.auditLog (ADMIN): filtered, newest first. */
export function auditLog(_parent: unknown, args: AuditLogArgs, context: AuditContext) {
  requireRole(context.viewer, 'ADMIN');
  return listAuditLog(context.deps.prisma, args);
}
