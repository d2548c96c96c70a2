import { startSubgraphHarness, viewerWith } from '@drobble/kit/testing/subgraph-harness';
import analytics from '../src/index.ts';
import { createAnalyticsPrisma } from '../src/infra/prisma.ts';

export { errorCodes, eventually, viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';
export const admin = viewerWith('ADMIN');

/** The analytics subgraph on a fresh database and a private bus namespace (JetStream when NATS_URL is set). */
export const startAnalytics = (env: Record<string, string> = {}) =>
  startSubgraphHarness(analytics, { env, createPrisma: createAnalyticsPrisma });
