import { badInput } from '@drobble/kit/errors';
import { parsePaging } from '@drobble/kit/paging';
import type { AuditPrisma, Prisma } from '../infra/prisma.ts';

export interface AuditFilter {
  type?: string | null;
  actorId?: string | null;
  subjectId?: string | null;
  correlationId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditLogArgs {
  filter?: AuditFilter | null;
  page?: number | null;
  pageSize?: number | null;
}

export interface AuditEntryView {
  id: string;
  type: string;
  actorId: string | null;
  subjectId: string | null;
  correlationId: string;
  at: Date;
  data: unknown;
}

/** Builds the WHERE of a filter; a window that ends before it starts is BAD_USER_INPUT. */
export function whereOf(filter: AuditFilter = {}): Prisma.AuditEntryWhereInput {
  if (filter.from && filter.to && filter.to < filter.from) throw badInput('filter.to', 'to must not be before from');
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = filter.from;
  if (filter.to) at.lt = filter.to;
  return {
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
    ...(filter.correlationId ? { correlationId: filter.correlationId } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

/** One page of the log, newest first (ties broken by id so pages never overlap). */
export async function listAuditLog(prisma: AuditPrisma, args: AuditLogArgs) {
  const paging = parsePaging(args.page, args.pageSize);
  const where = whereOf(args.filter ?? {});
  const [items, total] = await prisma.$transaction([
    prisma.auditEntry.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: paging.skip,
      take: paging.take,
      select: { id: true, type: true, actorId: true, subjectId: true, correlationId: true, at: true, data: true },
    }),
    prisma.auditEntry.count({ where }),
  ], { isolationLevel: 'RepeatableRead' });
  return { items: items satisfies AuditEntryView[], pageInfo: { page: paging.page, pageSize: paging.pageSize, total } };
}
