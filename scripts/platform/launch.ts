import { join } from 'node:path';
import { publicKeyFromPem } from '@drobble/kit/auth/keys';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import { startEmbeddedPostgres } from '@drobble/kit/db/embedded-postgres';
import type { Logger } from '@drobble/kit/logger';
import type { RunningService, SubgraphModule } from '@drobble/kit/runtime';
import { startGateway } from '@drobble/gateway';
import { listSubgraphs, repoRoot, type SubgraphEntry } from '@drobble/schema/subgraphs.ts';
import { keyEnv, loadPlatformKeys } from './keys.ts';

export interface LaunchOptions {
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Embedded PostgreSQL keeps its data here; memory-only when absent (tests). */
  dataDir?: string;
  /** Real PostgreSQL instead of the embedded one. */
  databaseUrl?: string;
  /** Real NATS JetStream instead of the in-process bus. */
  natsUrl?: string;
  /** Isolates this platform's streams and consumers on a shared NATS (parallel test runs). */
  busNamespace?: string;
  /** Cap on events one subscription handles at once (EVENT_CONCURRENCY; default: each subscription's own limit). */
  eventConcurrency?: number;
  /** Registered ports (npm start) or free ones picked by the OS (tests). */
  ports: 'registered' | 'ephemeral';
  gatewayPort?: number;
  seedDemoData: boolean;
  /** False starts the subgraphs only (benchmarks run gateways in their own processes). */
  gateway?: boolean;
}

export interface RunningPlatform {
  /** The gateway's GraphQL URL (empty when started without a gateway). */
  gatewayUrl: string;
  services: Record<string, RunningService>;
  stop(): Promise<void>;
}

async function loadModule(entry: SubgraphEntry): Promise<SubgraphModule> {
  return ((await import(entry.packageName)) as { default: SubgraphModule }).default;
}

/** Starts PostgreSQL (embedded unless given), the bus, every registered subgraph, then the gateway. */
export async function launchPlatform(options: LaunchOptions): Promise<RunningPlatform> {
  const { logger } = options;
  const keys = loadPlatformKeys(options.env, options.dataDir);
  const database = options.databaseUrl
    ? { connectionString: options.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: options.dataDir ? join(options.dataDir, 'postgres') : undefined });
  const bus = await createEventBus({ natsUrl: options.natsUrl, logger: logger.child({ component: 'bus' }), namespace: options.busNamespace, maxConcurrency: options.eventConcurrency });
  const env = { ...options.env, ...keyEnv(keys), SEED_DEMO_DATA: String(options.seedDemoData) };
  const services: Record<string, RunningService> = {};
  const stopAll = async () => {
    await services.gateway?.stop();
    await Promise.allSettled(Object.values(services).filter((service) => service.name !== 'gateway').map((service) => service.stop()));
    await bus.close();
    await database.stop();
  };
  try {
    const entries = listSubgraphs();
    for (const entry of entries) {
      const module = await loadModule(entry);
      services[entry.name] = await module.start({
        env,
        databaseUrl: database.connectionString,
        bus,
        logger: logger.child({ service: entry.name }),
        internalPublicKey: publicKeyFromPem(keys.internal.publicKey),
        port: options.ports === 'registered' ? entry.port : 0,
      });
    }
    if (options.gateway === false) return { gatewayUrl: '', services, stop: stopAll };
    const routing = Object.fromEntries(entries.map((entry) => [`SUBGRAPH_${entry.name.toUpperCase()}_URL`, `${services[entry.name]!.url}/graphql`]));
    const gateway = await startGateway({
      env: { ...env, ...routing, PORT: String(options.gatewayPort ?? (options.ports === 'registered' ? 4000 : 0)), SUPERGRAPH_PATH: join(repoRoot, 'schema', 'supergraph.graphql') },
      logger: logger.child({ service: 'gateway' }),
      // The platform's bus: subscriptions and partner keys follow the same events, namespace included.
      bus,
    });
    services.gateway = { name: 'gateway', url: gateway.url, stop: gateway.stop };
    return { gatewayUrl: `${gateway.url}/graphql`, services, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
