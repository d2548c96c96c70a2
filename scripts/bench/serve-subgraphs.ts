/**
 * Benchmark helper process: the database, the bus and every subgraph (no gateway), seeded.
 * Prints one line `READY {"catalog":"http://…",…}` when serving.
 */
import { createLogger } from '@drobble/kit/logger';
import { stopOnSignals } from '@drobble/kit/standalone';
import { launchPlatform } from '../platform/launch.ts';

const logger = createLogger('bench-subgraphs', 'warn');
const platform = await launchPlatform({
  env: process.env,
  logger,
  databaseUrl: process.env.DATABASE_URL,
  natsUrl: process.env.NATS_URL,
  busNamespace: process.env.BUS_NAMESPACE,
  ports: 'ephemeral',
  seedDemoData: true,
  gateway: false,
});
const urls = Object.fromEntries(Object.values(platform.services).map((service) => [service.name, service.url]));
process.stdout.write(`READY ${JSON.stringify(urls)}\n`);
stopOnSignals(logger, platform.stop);
