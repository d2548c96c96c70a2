import { listMyNotifications } from '../../../application/my-notifications.ts';
import type { NotificationsContext } from '../../../context.ts';

/** Query.myNotifications (signed in): newest first. */
export function myNotifications(_parent: unknown, args: { page?: number | null; pageSize?: number | null }, context: NotificationsContext) {
  return listMyNotifications(context.deps.prisma, context.viewer, args);
}
