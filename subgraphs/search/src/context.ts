import type { RequestContext } from '@drobble/kit/server/request-context';
import type { SearchDeps } from './application/deps.ts';

/** What every search resolver gets: the verified viewer and the use cases' dependencies. */
export interface SearchContext extends RequestContext {
  deps: SearchDeps;
}

export function createSearchContext(deps: SearchDeps) {
  return (base: RequestContext): SearchContext => ({ ...base, deps });
}
