import { defineSubgraph } from '@drobble/kit/context-service';
import type { SearchDeps } from './application/deps.ts';
import { parseSearchConfig } from './config.ts';
import { createSearchContext } from './context.ts';
import { createSearchEngine } from './engine/create-engine.ts';
import { startSearchConsumers } from './events/consumers.ts';
import { buildSearchSchema, schemaPath } from './graphql/schema.ts';
import { allDocuments } from './infra/documents.ts';
import { createSearchPrisma } from './infra/prisma.ts';

/** The search subgraph: product search, suggestions and facets over its own event-fed index. */
export default defineSubgraph({
  name: 'search',
  schemaPath,
  parseConfig: parseSearchConfig,
  createPrisma: (runtime) => createSearchPrisma(runtime.databaseUrl),
  async wire({ runtime, config, logger, prisma, resources }) {
    const engine = createSearchEngine({ elasticsearchUrl: config.ELASTICSEARCH_URL, indexAlias: config.ELASTICSEARCH_INDEX, db: prisma, logger });
    resources.onStop('search engine', () => engine.close());
    const deps: SearchDeps = { prisma, engine };
    const { empty } = await engine.init();
    // A new engine (e.g. Elasticsearch switched on) starts from what search already knows.
    if (empty && (await prisma.searchProduct.count({ where: { active: true, deleted: false } })) > 0) await engine.rebuild(allDocuments(prisma));
    resources.addAll('consumers', await startSearchConsumers(runtime.bus, deps, logger));
    logger.info({ engine: engine.name }, 'search engine ready');
    return { schema: buildSearchSchema(), createContext: createSearchContext(deps) };
  },
});
