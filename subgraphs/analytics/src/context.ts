import type { RequestContext } from '@drobble/kit/server/request-context';
import type { AnalyticsDeps } from './application/dashboard.ts';

/** What every analytics resolver gets: the verified viewer and the figure queries. */
export interface AnalyticsContext extends RequestContext {
  deps: AnalyticsDeps;
}

export function createAnalyticsContext(deps: AnalyticsDeps) {
  return (base: RequestContext): AnalyticsContext => ({ ...base, deps });
}
