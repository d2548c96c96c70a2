import { markNotificationRead as markRead } from '../../../application/my-notifications.ts';
import type { NotificationsContext } from '../../../context.ts';

/** Mutation.markNotificationRead (owner only; NOT_FOUND otherwise). */
export function markNotificationRead(_parent: unknown, args: { id: string }, context: NotificationsContext) {
  return markRead(context.deps.prisma, context.viewer, args.id);
}
