import type { RequestContext } from '@drobble/kit/server/request-context';
import type { PartnerGrant } from './partners/key-directory.ts';

/**
 * The gateway's per-request context: the verified viewer, the correlation id and a child logger;
 * for a request made with a partner API key (X-Api-Key), the key's grant (the viewer is then anonymous).
 */
export type GatewayContext = RequestContext & { partner?: PartnerGrant };
