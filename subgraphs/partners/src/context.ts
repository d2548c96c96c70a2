import type { RequestContext } from '@drobble/kit/server/request-context';
import type { PartnersDeps } from './application/deps.ts';

/** What every partners resolver gets: the verified caller and the use cases' dependencies. */
export interface PartnersContext extends RequestContext {
  deps: PartnersDeps;
}

export const createPartnersContext = (deps: PartnersDeps) => (base: RequestContext): PartnersContext => ({ ...base, deps });
