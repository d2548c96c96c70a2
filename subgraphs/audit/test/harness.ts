import { startSubgraphHarness, viewerWith } from '@drobble/kit/testing/subgraph-harness';
import audit from '../src/index.ts';
import { createAuditPrisma } from '../src/infra/prisma.ts';

export { errorCodes, eventually, viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';
export const admin = viewerWith('ADMIN');

/** The audit subgraph on a fresh database and a private bus namespace (JetStream when NATS_URL is set). */
export const startAudit = () =>
  startSubgraphHarness(audit, { createPrisma: createAuditPrisma });
