/**
 * The orders service as a child process for the kill tests: DATABASE_URL, NATS_URL, BUS_NAMESPACE,
 * INTERNAL_TOKEN_PUBLIC_KEY from the environment; prints `READY <url>` once it serves.
 */
import { publicKeyFromPem } from '@drobble/kit/auth/keys';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import { createLogger } from '@drobble/kit/logger';
import { startOrdersService } from '../src/index.ts';

const env = process.env;
const logger = createLogger('orders-child', env.TEST_LOG_LEVEL ?? 'silent');
const bus = await createEventBus({ natsUrl: env.NATS_URL!, logger, namespace: env.BUS_NAMESPACE });
const service = await startOrdersService({
  env,
  databaseUrl: env.ORDERS_TEST_DATABASE_URL!,
  bus,
  logger,
  internalPublicKey: publicKeyFromPem(env.INTERNAL_TOKEN_PUBLIC_KEY!),
  port: 0,
});
process.stdout.write(`READY ${service.url}\n`);
