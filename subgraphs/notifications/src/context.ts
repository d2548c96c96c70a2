import type { RequestContext } from '@drobble/kit/server/request-context';
import type { NotificationsPrisma } from './infra/prisma.ts';

/** What every notifications resolver gets: the verified viewer and the database. */
export interface NotificationsContext extends RequestContext {
  deps: { prisma: NotificationsPrisma };
}

export function createNotificationsContext(deps: { prisma: NotificationsPrisma }) {
  return (base: RequestContext): NotificationsContext => ({ ...base, deps });
}
