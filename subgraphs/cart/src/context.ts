import type { RequestContext } from '@drobble/kit/server/request-context';
import type { CartDeps } from './application/deps.ts';

/** What every cart resolver gets: the verified viewer, the correlation id and the use cases' dependencies. */
export interface CartContext extends RequestContext {
  deps: CartDeps;
}

export function createCartContext(deps: CartDeps) {
  return (base: RequestContext): CartContext => ({ ...base, deps });
}
