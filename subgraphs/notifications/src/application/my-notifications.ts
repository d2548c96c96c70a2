import { requireSignedIn } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { notFound } from '@drobble/kit/errors';
import { parsePaging } from '@drobble/kit/paging';
import type { NotificationsPrisma } from '../infra/prisma.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The viewer's notifications, newest first. */
export async function listMyNotifications(prisma: NotificationsPrisma, viewer: Viewer, args: { page?: number | null; pageSize?: number | null }) {
  const { userId } = requireSignedIn(viewer);
  const paging = parsePaging(args.page, args.pageSize);
  const where = { userId };
  // One snapshot for the page and its total, so a notification arriving in between cannot make them disagree.
  const [items, total] = await prisma.$transaction(
    [
      prisma.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: paging.skip, take: paging.take }),
      prisma.notification.count({ where }),
    ],
    { isolationLevel: 'RepeatableRead' },
  );
  return { items, pageInfo: { page: paging.page, pageSize: paging.pageSize, total } };
}

/** Marks one of the viewer's notifications read; NOT_FOUND when it is not theirs (or does not exist). */
export async function markNotificationRead(prisma: NotificationsPrisma, viewer: Viewer, id: string): Promise<boolean> {
  const { userId } = requireSignedIn(viewer);
  if (!UUID.test(id)) throw notFound('Notification');
  const { count } = await prisma.notification.updateMany({ where: { id, userId }, data: { read: true } });
  if (count === 0) throw notFound('Notification');
  return true;
}
