import { fileURLToPath } from 'node:url';
import type { Subscription } from '@drobble/kit/bus/event-bus';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createDatabaseCheck } from '@drobble/kit/db/prisma-adapter';
import type { RunningService, SubgraphModule, SubgraphRuntime } from '@drobble/kit/runtime';
import { startSubgraphServer } from '@drobble/kit/server/subgraph-server';
import type { SearchDeps } from './application/deps.ts';
import { parseSearchConfig } from './config.ts';
import { createSearchContext } from './context.ts';
import { createSearchEngine } from './engine/create-engine.ts';
import { startSearchConsumers } from './events/consumers.ts';
import { buildSearchSchema, schemaPath } from './graphql/schema.ts';
import { allDocuments } from './infra/documents.ts';
import { SEARCH_SCHEMA, createSearchPrisma } from './infra/prisma.ts';

const migrationsDir = fileURLToPath(new URL('../../../prisma/search/migrations', import.meta.url));

async function start(runtime: SubgraphRuntime): Promise<RunningService> {
  const config = parseSearchConfig(runtime.env);
  const logger = runtime.logger.child({ subgraph: 'search' });
  await applyMigrations({ connectionString: runtime.databaseUrl, schema: SEARCH_SCHEMA, migrationsDir });
  const prisma = createSearchPrisma(runtime.databaseUrl);
  const engine = createSearchEngine({ elasticsearchUrl: config.ELASTICSEARCH_URL, indexAlias: config.ELASTICSEARCH_INDEX, db: prisma, logger });
  const deps: SearchDeps = { prisma, engine };
  let subscriptions: Subscription[] = [];
  try {
    const { empty } = await engine.init();
    // A new engine (e.g. Elasticsearch switched on) starts from what search already knows.
    if (empty && (await prisma.searchProduct.count({ where: { active: true, deleted: false } })) > 0) await engine.rebuild(allDocuments(prisma));
    subscriptions = await startSearchConsumers(runtime.bus, deps, logger);
    const server = await startSubgraphServer({
      name: 'search',
      schema: buildSearchSchema(),
      port: runtime.port,
      host: runtime.host,
      logger,
      internalPublicKey: runtime.internalPublicKey,
      readiness: { database: createDatabaseCheck(prisma), bus: () => runtime.bus.ping() },
      createContext: createSearchContext(deps),
    });
    logger.info({ engine: engine.name }, 'search engine ready');
    return {
      name: 'search',
      url: server.url,
      stop: async () => {
        await server.stop();
        for (const subscription of subscriptions) await subscription.stop();
        await engine.close();
        await prisma.$disconnect();
      },
    };
  } catch (error) {
    for (const subscription of subscriptions) await subscription.stop();
    await engine.close();
    await prisma.$disconnect();
    throw error;
  }
}

/** The search subgraph: product search, suggestions and facets over its own event-fed index. */
const search: SubgraphModule = { name: 'search', schemaPath, start };
export default search;
