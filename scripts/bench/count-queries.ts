/**
 * Benchmark helper process: the whole platform in this process on a fresh database, then the
 * storefront listing through the gateway at several page sizes, counting the SQL statements the
 * subgraphs send for each request. Prints `READY {"5":n,"20":n,...}`.
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import { listSubgraphs } from '@drobble/schema/subgraphs.ts';
import { launchPlatform } from '../platform/launch.ts';
import { countStatements, STOREFRONT_TABLES, storefrontQuery } from './query-count.ts';

const database = await createTestDatabase();
const platform = await launchPlatform({
  env: process.env,
  logger: createLogger('bench-count', 'warn'),
  databaseUrl: database.connectionString,
  natsUrl: process.env.NATS_URL,
  busNamespace: `count${randomUUID().slice(0, 8)}`,
  ports: 'ephemeral',
  seedDemoData: true,
});
try {
  const withRating = listSubgraphs().some((entry) => entry.name === 'reviews');
  const post = async (pageSize: number) => {
    const response = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: storefrontQuery(pageSize, withRating) }) });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`storefront query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
  };
  await post(5); // warm the query-plan cache
  const counts: Record<string, number> = {};
  for (const pageSize of [5, 20, 50]) counts[pageSize] = (await countStatements(STOREFRONT_TABLES, () => post(pageSize))).statements.length;
  process.stdout.write(`READY ${JSON.stringify(counts)}\n`);
} finally {
  await platform.stop();
  await database.drop();
}
