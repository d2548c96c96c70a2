import { fileURLToPath } from 'node:url';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import { startMailSender } from './application/mail-sender.ts';
import { parseNotificationsConfig } from './config.ts';
import { createNotificationsContext } from './context.ts';
import { subscribeNotifications } from './events/consumer.ts';
import { buildNotificationsSchema, schemaPath } from './graphql/schema.ts';
import { createMailTransport } from './infra/mail-transport.ts';
import { createNotificationsPrisma, disconnectWithin, NOTIFICATIONS_SCHEMA } from './infra/prisma.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/notifications/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parseNotificationsConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'notifications' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: NOTIFICATIONS_SCHEMA, migrationsDir });
  const prisma = createNotificationsPrisma(runtime.databaseUrl);
  const transport = createMailTransport(config);
  logger.info(transport.kind === 'smtp' ? 'emails go to SMTP_URL' : { mailDir: config.MAIL_DIR }, transport.kind === 'smtp' ? 'mail: SMTP' : 'mail: .eml files (set SMTP_URL to send)');
  const sender = startMailSender({ prisma, transport, from: config.MAIL_FROM, logger, retryBaseMs: config.MAIL_RETRY_BASE_MS, maxAttempts: config.MAIL_MAX_ATTEMPTS });
  try {
    const subscription = await subscribeNotifications(runtime.bus, prisma, { appUrl: config.APP_URL, queued: () => sender.nudge() });
    const server = await startSubgraphServer({
      name: 'notifications',
      schema: buildNotificationsSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createNotificationsContext({ prisma }),
    }).catch(async (error: unknown) => {
      await subscription.stop();
      throw error;
    });
    return {
      name: 'notifications',
      url: server.url,
      stop: async () => {
        await server.stop();
        await subscription.stop();
        await sender.stop();
        await disconnectWithin(prisma);
      },
    };
  } catch (error) {
    await sender.stop();
    await disconnectWithin(prisma);
    throw error;
  }
}

/** The notifications subgraph: templated emails (SMTP or .eml files, retried) and in-app notifications. */
const notifications: SubgraphModule = { name: 'notifications', schemaPath, start };
export default notifications;
