import type { RequestContext } from '@drobble/kit/server/request-context';
import type { OrdersDeps } from './application/deps.ts';

/** What every orders resolver gets: the verified viewer, the correlation id, and the use cases' dependencies. */
export interface OrdersContext extends RequestContext {
  deps: OrdersDeps;
}

export function createOrdersContext(deps: OrdersDeps) {
  return (base: RequestContext): OrdersContext => ({ ...base, deps });
}
