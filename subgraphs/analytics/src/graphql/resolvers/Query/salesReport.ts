import { requireRole } from '@drobble/kit/auth/guards';
import { salesReport as report } from '../../../application/dashboard.ts';
import type { ReportGrouping } from '../../../domain/days.ts';
import type { AnalyticsContext } from '../../../context.ts';

/** Query.salesReport (ADMIN): [from, to) grouped by day, ISO week or month. */
export function salesReport(_parent: unknown, args: { from: Date; to: Date; groupBy?: ReportGrouping | null }, context: AnalyticsContext) {
  requireRole(context.viewer, 'ADMIN');
  return report(context.deps, args.from, args.to, args.groupBy);
}
