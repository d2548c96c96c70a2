import type { Logger } from '@drobble/kit/logger';
import { ElasticsearchEngine } from './elasticsearch/elasticsearch-engine.ts';
import { PostgresSearchEngine, type PostgresEngineClient } from './postgres/postgres-engine.ts';
import type { SearchEngine } from './search-engine.ts';

/** Elasticsearch when ELASTICSEARCH_URL is set, else PostgreSQL full-text in the search schema. */
export function createSearchEngine(options: {
  elasticsearchUrl: string | undefined;
  indexAlias: string;
  db: PostgresEngineClient;
  logger: Logger;
}): SearchEngine {
  if (options.elasticsearchUrl) return new ElasticsearchEngine({ url: options.elasticsearchUrl, alias: options.indexAlias, logger: options.logger });
  return new PostgresSearchEngine(options.db, options.logger);
}
