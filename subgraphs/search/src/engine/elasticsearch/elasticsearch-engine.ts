import { Client } from '@elastic/elasticsearch';
import type { Logger } from '@drobble/kit/logger';
import type { SearchDocument } from '../../domain/search-document.ts';
import type { SearchHits, SearchQuery } from '../../domain/search-query.ts';
import { normaliseFacets } from '../facets.ts';
import type { SearchEngine } from '../search-engine.ts';
import { bulkOperations, indexMappings, indexSettings, parseSearchResponse, parseSuggestResponse, searchRequest, suggestRequest } from './requests.ts';

export interface ElasticsearchEngineOptions {
  url: string;
  /** Alias every search goes through, e.g. "drobble-products"; physical indices are `<alias>-<timestamp>`. */
  alias: string;
  logger: Logger;
  /** Writes wait for a refresh, so a change is searchable when the call resolves. Default true. */
  refreshOnWrite?: boolean;
}

/**
 * Elasticsearch (ELASTICSEARCH_URL): searches and writes go through an alias; reindexSearch builds
 * a new physical index with bulk requests and swaps the alias atomically, so no search ever sees a
 * half-built index.
 */
export class ElasticsearchEngine implements SearchEngine {
  readonly name = 'elasticsearch';
  #client: Client;
  #alias: string;
  #logger: Logger;
  #refresh: boolean;
  /** The index being built by a rebuild: writes go there too. */
  #building: string | null = null;

  constructor(options: ElasticsearchEngineOptions) {
    this.#client = new Client({ node: options.url });
    this.#alias = options.alias;
    this.#logger = options.logger;
    this.#refresh = options.refreshOnWrite ?? true;
  }

  async init(): Promise<{ empty: boolean }> {
    if (await this.#client.indices.existsAlias({ name: this.#alias })) {
      const { count } = await this.#client.count({ index: this.#alias });
      return { empty: count === 0 };
    }
    const index = await this.#createIndex();
    await this.#client.indices.updateAliases({ actions: [{ add: { index, alias: this.#alias, is_write_index: true } }] });
    return { empty: true };
  }

  async #createIndex(): Promise<string> {
    const index = `${this.#alias}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    await this.#client.indices.create({ index, settings: indexSettings, mappings: indexMappings });
    return index;
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    await this.#bulk(documents, []);
  }

  async remove(ids: readonly string[]): Promise<void> {
    await this.#bulk([], ids);
  }

  async #bulk(upserts: readonly SearchDocument[], removals: readonly string[]): Promise<void> {
    if (upserts.length === 0 && removals.length === 0) return;
    const targets = this.#building ? [this.#alias, this.#building] : [this.#alias];
    for (const target of targets) await this.#send(target, upserts, removals, this.#refresh ? 'wait_for' : false);
  }

  async #send(index: string, upserts: readonly SearchDocument[], removals: readonly string[], refresh: 'wait_for' | false) {
    const response = await this.#client.bulk({ operations: bulkOperations(index, upserts, removals), refresh });
    if (!response.errors) return;
    const failed = response.items.filter((item) => {
      const result = item.index ?? item.delete;
      return result?.error && !(item.delete && result.status === 404);
    });
    if (failed.length > 0) throw new Error(`bulk indexing failed for ${failed.length} item(s): ${JSON.stringify(failed[0])}`);
  }

  async search(query: SearchQuery): Promise<SearchHits> {
    const response = await this.#client.search(searchRequest(this.#alias, query));
    const parsed = parseSearchResponse(response);
    return { ids: parsed.ids, total: parsed.total, facets: normaliseFacets(parsed.categories, parsed.prices) };
  }

  async suggest(prefix: string, limit: number): Promise<string[]> {
    if (!prefix) return [];
    return parseSuggestResponse(await this.#client.search(suggestRequest(this.#alias, prefix, limit)));
  }

  async rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<{ documents: number }> {
    const index = await this.#createIndex();
    this.#building = index;
    let documents = 0;
    try {
      for await (const batch of batches) {
        if (batch.length > 0) await this.#send(index, batch, [], false);
        documents += batch.length;
      }
      await this.#client.indices.refresh({ index });
      const current = await this.#currentIndices();
      await this.#client.indices.updateAliases({
        actions: [
          ...current.map((old) => ({ remove: { index: old, alias: this.#alias } })),
          { add: { index, alias: this.#alias, is_write_index: true } },
        ],
      });
      if (current.length > 0) await this.#client.indices.delete({ index: current });
      this.#logger.info({ index, documents }, 'search index rebuilt and swapped in');
      return { documents };
    } catch (error) {
      await this.#client.indices.delete({ index }).catch(() => undefined);
      throw error;
    } finally {
      this.#building = null;
    }
  }

  async #currentIndices(): Promise<string[]> {
    const aliases = await this.#client.indices.getAlias({ name: this.#alias }).catch(() => ({}));
    return Object.keys(aliases);
  }

  /** Deletes the alias and every index behind it (contract tests clean up with this). */
  async destroy(): Promise<void> {
    const current = await this.#currentIndices();
    if (current.length > 0) await this.#client.indices.delete({ index: current });
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
