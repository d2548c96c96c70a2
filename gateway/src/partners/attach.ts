import { createInternalTokenSigner } from '@drobble/kit/auth/internal-token';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import type { Logger } from '@drobble/kit/logger';
import { createRateLimits } from '@drobble/kit/rate-limit/rate-limit';
import type { GatewayConfig } from '../config.ts';
import type { SubgraphEndpoint } from '../supergraph.ts';
import { PartnerKeyDirectory } from './key-directory.ts';
import { loadPersistedDocuments } from './manifest.ts';
import { partnerPlugin } from './plugin.ts';
import { partnerSnapshotLoader } from './snapshot.ts';
import { UsageReporter } from './usage.ts';

/**
 * Partner access for one gateway replica: the trusted-documents manifest, the in-memory key
 * directory (snapshot + events), per-key rate limits (Redis when REDIS_URL is set, so every replica
 * shares them; per replica otherwise) and batched usage reports.
 */
export async function startPartnerAccess(options: { config: GatewayConfig; bus: EventBus; logger: Logger; subgraphs: SubgraphEndpoint[] }) {
  const { config, bus } = options;
  const logger = options.logger.child({ component: 'partners' });
  const documents = loadPersistedDocuments(config.PERSISTED_DOCUMENTS_PATH, logger);
  const directory = new PartnerKeyDirectory();
  const partnersUrl = options.subgraphs.find((subgraph) => subgraph.name === 'partners')?.url;
  const sign = createInternalTokenSigner(config.INTERNAL_TOKEN_PRIVATE_KEY);
  await directory.start(bus, partnerSnapshotLoader(partnersUrl, sign, config.SUBGRAPH_TIMEOUT_MS), logger);
  const rateLimits = await createRateLimits({ redisUrl: config.REDIS_URL, keyPrefix: 'gateway', logger });
  const usage = new UsageReporter(bus, logger, config.PARTNER_USAGE_FLUSH_MS);
  return {
    plugin: partnerPlugin({ documents, rateLimits, usage }),
    resolvePartner: (apiKey: string) => directory.lookup(apiKey),
    async stop() {
      directory.stop();
      await usage.stop();
      await rateLimits.close();
    },
  };
}
