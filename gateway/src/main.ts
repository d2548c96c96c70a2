import { ConfigError } from '@drobble/kit/config/load-config';
import { createLogger } from '@drobble/kit/logger';
import { startGateway } from './server.ts';

/** Standalone gateway: `npm exec -- node gateway/src/main.ts`. SIGTERM/SIGINT drain and exit. */
const logger = createLogger('gateway');

try {
  const running = await startGateway({ env: process.env, logger });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'gateway stopping');
    await running.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  logger.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
}
