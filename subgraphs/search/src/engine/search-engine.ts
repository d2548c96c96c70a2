import type { SearchDocument } from '../domain/search-document.ts';
import type { SearchHits, SearchQuery } from '../domain/search-query.ts';

/**
 * Runs SQL on the caller's transaction. The PostgreSQL engine writes through it so an index change
 * commits with the consumer's inbox row (and the embedded database never waits on itself); other
 * engines ignore it.
 */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * The search engine port: PostgreSQL full-text (default) or Elasticsearch (ELASTICSEARCH_URL).
 * One contract suite (engine.contract.ts) runs over every engine available.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'elasticsearch';
  /**
   * Prepares the index (idempotent): extensions, index and alias, whatever the engine needs.
   * `empty` is true when the index holds nothing yet (the caller then builds it from its data).
   */
  init(): Promise<{ empty: boolean }>;
  /** Adds or replaces these documents; searchable once it resolves. */
  upsert(documents: readonly SearchDocument[], executor?: SqlExecutor): Promise<void>;
  /** Removes these products (unknown ids are ignored). */
  remove(ids: readonly string[], executor?: SqlExecutor): Promise<void>;
  search(query: SearchQuery): Promise<SearchHits>;
  /** Up to `limit` distinct product names completing `prefix`, best first. */
  suggest(prefix: string, limit: number): Promise<string[]>;
  /**
   * Replaces the whole index with `batches`' documents; searches keep seeing the old index until
   * the new one is complete. Changes made meanwhile through upsert/remove reach the new index too.
   */
  rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<{ documents: number }>;
  close(): Promise<void>;
}
