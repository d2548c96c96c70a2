import type { RequestContext } from '@drobble/kit/server/request-context';
import type { Caller, InventoryDeps } from './application/deps.ts';
import { createLoaders, type InventoryLoaders } from './application/loaders.ts';

/** What every inventory resolver gets: the verified viewer, the use cases' dependencies, and fresh loaders. */
export interface InventoryContext extends RequestContext, Caller {
  deps: InventoryDeps;
  loaders: InventoryLoaders;
}

export function createInventoryContext(deps: InventoryDeps) {
  return (base: RequestContext): InventoryContext => ({ ...base, deps, loaders: createLoaders(deps) });
}
