import { startSubgraphHarness, viewerWith } from '@drobble/kit/testing/subgraph-harness';
import notifications from '../src/index.ts';
import { createNotificationsPrisma } from '../src/infra/prisma.ts';

export { errorCodes, eventually, viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';
export const admin = viewerWith('ADMIN');

/** The notifications subgraph on a fresh database and a private bus namespace (JetStream when NATS_URL is set). */
export const startNotifications = (env: Record<string, string> = {}) =>
  startSubgraphHarness(notifications, { env, createPrisma: createNotificationsPrisma });
