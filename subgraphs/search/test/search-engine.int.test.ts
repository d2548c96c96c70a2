import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import { engineContract } from '../src/engine/engine.contract.ts';
import { ElasticsearchEngine } from '../src/engine/elasticsearch/elasticsearch-engine.ts';
import { PostgresSearchEngine } from '../src/engine/postgres/postgres-engine.ts';
import { SEARCH_SCHEMA, createSearchPrisma } from '../src/infra/prisma.ts';

const logger = createLogger('search-engine-test', process.env.TEST_LOG_LEVEL ?? 'silent');
const migrationsDir = new URL('../../../prisma/search/migrations', import.meta.url).pathname;

engineContract('PostgreSQL', async () => {
  const db = await createTestDatabase();
  await applyMigrations({ connectionString: db.connectionString, schema: SEARCH_SCHEMA, migrationsDir });
  const prisma = createSearchPrisma(db.connectionString);
  const engine = new PostgresSearchEngine(prisma, logger);
  await engine.init();
  return {
    engine,
    typoTolerant: engine.typoTolerant,
    cleanup: async () => {
      await prisma.$disconnect();
      await db.drop();
    },
  };
});

const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
if (elasticsearchUrl) {
  engineContract('Elasticsearch', async () => {
    const engine = new ElasticsearchEngine({ url: elasticsearchUrl, alias: `drobble-test-${randomUUID().slice(0, 8)}`, logger });
    await engine.init();
    return {
      engine,
      typoTolerant: true,
      cleanup: async () => {
        await engine.destroy();
        await engine.close();
      },
    };
  });
} else {
  describe('SearchEngine contract: Elasticsearch', () => {
    it.skip('skipped: ELASTICSEARCH_URL is not set (no cluster on this machine; docker compose up elasticsearch, then ELASTICSEARCH_URL=http://localhost:9200)', () => {});
  });
}

describe.runIf(!process.env.DATABASE_URL)('the embedded default', () => {
  it('has pg_trgm (the kit loads it into PGlite), so the PostgreSQL engine tolerates typos', async () => {
    const db = await createTestDatabase();
    await applyMigrations({ connectionString: db.connectionString, schema: SEARCH_SCHEMA, migrationsDir });
    const prisma = createSearchPrisma(db.connectionString);
    try {
      const engine = new PostgresSearchEngine(prisma, logger);
      await engine.init();
      expect(engine.typoTolerant).toBe(true);
    } finally {
      await prisma.$disconnect();
      await db.drop();
    }
  });
});
