import { z } from 'zod';
import { listSubgraphs } from '@drobble/schema/subgraphs.ts';
import { publicKeyFromPem } from './auth/keys.ts';
import { createEventBus } from './bus/create-bus.ts';
import { eventConcurrency, logLevel, optionalUrl, port, url } from './config/fields.ts';
import { loadConfigOrExit } from './config/load-config.ts';
import { createLogger } from './logger.ts';
import type { SubgraphModule } from './runtime.ts';

/**
 * Runs one subgraph as its own process (docker-compose, scaled deployments): it needs a real
 * PostgreSQL and, to exchange events with the others, NATS JetStream.
 */
export async function runStandalone(module: SubgraphModule, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const registeredPort = listSubgraphs().find((entry) => entry.name === module.name)?.port ?? 0;
  const config = loadConfigOrExit(
    {
      DATABASE_URL: url(['postgres', 'postgresql']),
      NATS_URL: optionalUrl(['nats', 'tls']),
      INTERNAL_TOKEN_PUBLIC_KEY: z.string().min(1, 'expected an Ed25519 public key in PEM'),
      PORT: port(registeredPort),
      HOST: z.string().default('0.0.0.0'),
      LOG_LEVEL: logLevel,
      EVENT_CONCURRENCY: eventConcurrency,
    },
    env,
  );
  const logger = createLogger(module.name, config.LOG_LEVEL);
  if (!config.NATS_URL) logger.warn('NATS_URL is not set: events stay inside this process');
  const bus = await createEventBus({ natsUrl: config.NATS_URL, logger, maxConcurrency: config.EVENT_CONCURRENCY });
  const service = await module.start({
    env,
    databaseUrl: config.DATABASE_URL,
    bus,
    logger,
    internalPublicKey: publicKeyFromPem(config.INTERNAL_TOKEN_PUBLIC_KEY),
    port: config.PORT,
    host: config.HOST,
  });
  stopOnSignals(logger, async () => {
    await service.stop();
    await bus.close();
  });
}

/** SIGTERM/SIGINT drain the process once; a second signal exits at once. */
export function stopOnSignals(logger: { info(message: string): void; error(payload: object, message: string): void }, stop: () => Promise<void>) {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal} received, draining`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
}
