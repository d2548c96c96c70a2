import type { Logger } from '@drobble/kit/logger';
import type { SearchDocument } from '../../domain/search-document.ts';
import type { FacetValue, SearchHits, SearchQuery } from '../../domain/search-query.ts';
import { normaliseFacets } from '../facets.ts';
import type { SearchEngine, SqlExecutor } from '../search-engine.ts';
import {
  COPY_REBUILD_SQL,
  TRIGRAM_INDEX_SQL,
  TYPO_THRESHOLD,
  INDEX_TABLE,
  REBUILD_TABLE,
  UPSERT_REBUILD_SQL,
  UPSERT_SQL,
  buildSearchSql,
  buildSuggestSql,
  documentArrays,
} from './sql.ts';

/** What the engine needs from the search subgraph's Prisma client. */
export interface PostgresEngineClient extends SqlExecutor {
  $transaction<T>(work: (tx: SqlExecutor) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T>;
}

interface HitsRow {
  ids: string[];
  total: number;
  categories: FacetValue[];
  prices: FacetValue[];
}

/**
 * The default engine: the index is a table in the search schema with a weighted tsvector (GIN),
 * prefix matching on every word, and typo tolerance through pg_trgm when the server has it.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';
  #db: PostgresEngineClient;
  #logger: Logger;
  #trigrams = false;
  #rebuilding = false;
  #rebuildLock: Promise<unknown> = Promise.resolve();

  constructor(db: PostgresEngineClient, logger: Logger) {
    this.#db = db;
    this.#logger = logger;
  }

  /** True once init found pg_trgm (typo tolerance on). */
  get typoTolerant(): boolean {
    return this.#trigrams;
  }

  async init(): Promise<{ empty: boolean }> {
    try {
      await this.#db.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    } catch (error) {
      this.#logger.debug({ err: error }, 'pg_trgm could not be created');
    }
    const rows = await this.#db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`);
    this.#trigrams = rows[0]!.n > 0;
    if (this.#trigrams) await this.#db.$executeRawUnsafe(TRIGRAM_INDEX_SQL);
    if (!this.#trigrams) this.#logger.info('pg_trgm is not available: search works without typo tolerance');
    const [any] = await this.#db.$queryRawUnsafe<{ found: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM ${INDEX_TABLE}) AS found`);
    return { empty: !any!.found };
  }

  async upsert(documents: readonly SearchDocument[], executor: SqlExecutor = this.#db): Promise<void> {
    if (documents.length === 0) return;
    const arrays = documentArrays(documents);
    await executor.$executeRawUnsafe(UPSERT_SQL, ...arrays);
    if (this.#rebuilding) await executor.$executeRawUnsafe(UPSERT_REBUILD_SQL, ...arrays);
  }

  async remove(ids: readonly string[], executor: SqlExecutor = this.#db): Promise<void> {
    if (ids.length === 0) return;
    await executor.$executeRawUnsafe(`DELETE FROM ${INDEX_TABLE} WHERE id = ANY($1::uuid[])`, [...ids]);
    if (this.#rebuilding) await executor.$executeRawUnsafe(`DELETE FROM ${REBUILD_TABLE} WHERE id = ANY($1::uuid[])`, [...ids]);
  }

  async search(query: SearchQuery): Promise<SearchHits> {
    let hits = await this.#run(query, 'fulltext');
    if (hits.total === 0 && this.#trigrams && query.text) hits = await this.#run(query, 'fuzzy');
    return hits;
  }

  async #run(query: SearchQuery, mode: 'fulltext' | 'fuzzy'): Promise<SearchHits> {
    const { sql, values } = buildSearchSql(query, mode);
    const [row] =
      mode === 'fulltext'
        ? await this.#db.$queryRawUnsafe<HitsRow[]>(sql, ...values)
        : await this.#db.$transaction(async (tx) => {
            await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${TYPO_THRESHOLD}`);
            return tx.$queryRawUnsafe<HitsRow[]>(sql, ...values);
          });
    return { ids: row!.ids, total: row!.total, facets: normaliseFacets(row!.categories, row!.prices) };
  }

  async suggest(prefix: string, limit: number): Promise<string[]> {
    const built = buildSuggestSql(prefix, limit);
    if (!built) return [];
    const rows = await this.#db.$queryRawUnsafe<{ name: string }[]>(built.sql, ...built.values);
    return rows.map((row) => row.name);
  }

  /** Stages every document in the rebuild table, then swaps it in with one short transaction. */
  rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<{ documents: number }> {
    const run = this.#rebuildLock.then(() => this.#rebuild(batches));
    this.#rebuildLock = run.catch(() => undefined);
    return run;
  }

  async #rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<{ documents: number }> {
    await this.#db.$executeRawUnsafe(`DELETE FROM ${REBUILD_TABLE}`);
    this.#rebuilding = true;
    try {
      let documents = 0;
      for await (const batch of batches) {
        if (batch.length > 0) await this.#db.$executeRawUnsafe(UPSERT_REBUILD_SQL, ...documentArrays(batch));
        documents += batch.length;
      }
      await this.#db.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`DELETE FROM ${INDEX_TABLE}`);
          await tx.$executeRawUnsafe(COPY_REBUILD_SQL);
          await tx.$executeRawUnsafe(`DELETE FROM ${REBUILD_TABLE}`);
        },
        { maxWait: 10_000, timeout: 120_000 },
      );
      return { documents };
    } finally {
      this.#rebuilding = false;
    }
  }

  async close(): Promise<void> {}
}
