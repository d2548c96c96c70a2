import type { RequestContext } from '@drobble/kit/server/request-context';
import { createLoaders, type CatalogLoaders } from './application/loaders.ts';
import type { Caller, CatalogDeps } from './application/deps.ts';

/** What every catalog resolver gets: the verified viewer, the use cases' dependencies, and fresh loaders. */
export interface CatalogContext extends RequestContext, Caller {
  deps: CatalogDeps;
  loaders: CatalogLoaders;
}

export function createCatalogContext(deps: CatalogDeps) {
  return (base: RequestContext): CatalogContext => ({ ...base, deps, loaders: createLoaders(deps) });
}
