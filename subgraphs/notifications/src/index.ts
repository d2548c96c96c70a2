import { defineSubgraph } from '@drobble/kit/context-service';
import { startMailSender } from './application/mail-sender.ts';
import { parseNotificationsConfig } from './config.ts';
import { createNotificationsContext } from './context.ts';
import { subscribeNotifications } from './events/consumer.ts';
import { buildNotificationsSchema, schemaPath } from './graphql/schema.ts';
import { createMailTransport } from './infra/mail-transport.ts';
import { createNotificationsPrisma } from './infra/prisma.ts';

/** The notifications subgraph: templated emails (SMTP or .eml files, retried) and in-app notifications. */
export default defineSubgraph({
  name: 'notifications',
  schemaPath,
  createPrisma: (runtime) => createNotificationsPrisma(runtime.databaseUrl),
  parseConfig: parseNotificationsConfig,
  async wire({ runtime, config, logger, prisma, resources }) {
    const transport = createMailTransport(config);
    logger.info(transport.kind === 'smtp' ? 'emails go to SMTP_URL' : { mailDir: config.MAIL_DIR }, transport.kind === 'smtp' ? 'mail: SMTP' : 'mail: .eml files (set SMTP_URL to send)');
    const sender = resources.add('mail sender', startMailSender({ prisma, transport, from: config.MAIL_FROM, logger, retryBaseMs: config.MAIL_RETRY_BASE_MS, maxAttempts: config.MAIL_MAX_ATTEMPTS }));
    resources.add('notifications consumer', await subscribeNotifications(runtime.bus, prisma, { appUrl: config.APP_URL, queued: () => sender.nudge() }));
    return { schema: buildNotificationsSchema(), createContext: createNotificationsContext({ prisma }) };
  },
});
