import { requireRole } from '@drobble/kit/auth/guards';
import { todaysFigures } from '../../../application/dashboard.ts';
import type { AnalyticsContext } from '../../../context.ts';

/** Query.dashboard (ADMIN): today's figures; the list fields resolve on Dashboard. */
export function dashboard(_parent: unknown, _args: unknown, context: AnalyticsContext) {
  requireRole(context.viewer, 'ADMIN');
  return todaysFigures(context.deps);
}
