import type { RequestContext } from '@drobble/kit/server/request-context';
import { createLoaders, type ReviewsLoaders } from './application/loaders.ts';
import type { Caller, ReviewsDeps } from './application/deps.ts';

/** What every reviews resolver gets: the verified viewer, the use cases' dependencies, and fresh loaders. */
export interface ReviewsContext extends RequestContext, Caller {
  deps: ReviewsDeps;
  loaders: ReviewsLoaders;
}

export function createReviewsContext(deps: ReviewsDeps) {
  return (base: RequestContext): ReviewsContext => ({ ...base, deps, loaders: createLoaders(deps.prisma) });
}
