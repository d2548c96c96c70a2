import { startSubgraphHarness, viewerWith, type SubgraphHarness } from '@drobble/kit/testing/subgraph-harness';
import partners from '../src/index.ts';
import { createPartnersPrisma, type PartnersPrisma } from '../src/infra/prisma.ts';

export { viewerWith, type GraphQLResponse } from '@drobble/kit/testing/subgraph-harness';
export const admin = viewerWith('ADMIN');
export type PartnersHarness = SubgraphHarness<PartnersPrisma>;

/** The partners subgraph on a private database and bus namespace (PGlite/in-process, or DATABASE_URL/NATS_URL); gql calls as `admin` by default. */
export const startPartners = (env: Record<string, string> = {}): Promise<PartnersHarness> =>
  startSubgraphHarness(partners, { env, defaultViewer: admin, createPrisma: createPartnersPrisma });
