/**
 * `npm start`: the whole platform in one process. Embedded default (PGlite + in-process bus, data
 * in .data/) unless DATABASE_URL / NATS_URL point at real PostgreSQL / NATS JetStream.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { eventConcurrency, logLevel, optionalUrl, port } from '@drobble/kit/config/fields';
import { loadConfigOrExit } from '@drobble/kit/config/load-config';
import { createLogger } from '@drobble/kit/logger';
import { stopOnSignals } from '@drobble/kit/standalone';
import { repoRoot } from '@drobble/schema/subgraphs.ts';
import { launchPlatform } from './platform/launch.ts';
import { printBanner } from './platform/banner.ts';

const startedAt = performance.now();
const config = loadConfigOrExit({
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  NATS_URL: optionalUrl(['nats', 'tls']),
  DATA_DIR: z.string().default(resolve(repoRoot, '.data')),
  PORT: port(4000),
  LOG_LEVEL: logLevel.default('warn'),
  EVENT_CONCURRENCY: eventConcurrency,
});
const logger = createLogger('drobble', config.LOG_LEVEL);

const platform = await launchPlatform({
  // Emails written as .eml files live with the rest of the embedded data unless MAIL_DIR says otherwise.
  env: { MAIL_DIR: join(config.DATA_DIR, 'mail'), ...process.env },
  logger,
  dataDir: config.DATA_DIR,
  databaseUrl: config.DATABASE_URL,
  natsUrl: config.NATS_URL,
  eventConcurrency: config.EVENT_CONCURRENCY,
  ports: 'registered',
  gatewayPort: config.PORT,
  seedDemoData: true,
});
printBanner({
  gatewayUrl: platform.gatewayUrl,
  services: platform.services,
  database: config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.DATA_DIR}`,
  bus: config.NATS_URL ? 'NATS JetStream (NATS_URL)' : 'in-process bus',
  secondsToReady: (performance.now() - startedAt) / 1000,
});
stopOnSignals(logger, platform.stop);
