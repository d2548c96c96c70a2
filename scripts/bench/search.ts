/**
 * The search section of `npm run bench`:
 * 1. latency: p50/p99 of the PostgreSQL engine over 10,000 products (a mix of words, prefixes,
 *    filters, sorts, a typo and browsing with facets; plus suggestions), one search at a time;
 * 2. freshness: from publishing catalog.product.updated to the new name being returned by the
 *    search subgraph's GraphQL endpoint (event -> consumer -> index -> query).
 * Engines follow the environment: DATABASE_URL (else PGlite), NATS_URL (else the in-process bus).
 * Run alone: `npm exec -- node scripts/bench/search.ts`.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { generateKeyPairPem, privateKeyFromPem, publicKeyFromPem } from '@drobble/kit/auth/keys';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@drobble/kit/auth/internal-token';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import { applyMigrations } from '@drobble/kit/db/migrations';
import { createTestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import { createEvent, type PayloadOf } from '@drobble/schema/events';
import search from '../../subgraphs/search/src/index.ts';
import type { SearchDocument } from '../../subgraphs/search/src/domain/search-document.ts';
import { parseSearchArgs, type SearchArgs } from '../../subgraphs/search/src/domain/search-query.ts';
import { PostgresSearchEngine } from '../../subgraphs/search/src/engine/postgres/postgres-engine.ts';
import { SEARCH_SCHEMA, createSearchPrisma } from '../../subgraphs/search/src/infra/prisma.ts';

const PRODUCTS = Number(process.env.BENCH_SEARCH_PRODUCTS ?? 10_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 600);
const FRESHNESS_SAMPLES = Number(process.env.BENCH_FRESHNESS_SAMPLES ?? 20);
const logger = createLogger('bench-search', 'warn');
const migrationsDir = fileURLToPath(new URL('../../prisma/search/migrations', import.meta.url));

const ADJECTIVES = ['classic', 'linen', 'waxed', 'quilted', 'denim', 'merino', 'organic', 'vintage', 'brass', 'walnut', 'ceramic', 'stoneware', 'leather', 'canvas', 'bamboo', 'copper', 'velvet', 'cotton', 'wool', 'oak'];
const NOUNS = ['shirt', 'jacket', 'dress', 'lamp', 'mug', 'bowl', 'chair', 'table', 'rug', 'blanket', 'backpack', 'wallet', 'sneaker', 'boot', 'scarf', 'teapot', 'vase', 'pillow', 'towel', 'notebook'];
const COLOURS = ['red', 'green', 'navy', 'ivory', 'black', 'olive', 'sand', 'rust'];
const CATEGORIES = Array.from({ length: 24 }, (_, i) => ({ id: randomUUID(), name: `${NOUNS[i % NOUNS.length]}s ${i}` }));

function syntheticDocument(i: number): SearchDocument {
  const adjective = ADJECTIVES[(i * 7) % ADJECTIVES.length]!;
  const noun = NOUNS[(i * 13) % NOUNS.length]!;
  const colour = COLOURS[i % COLOURS.length]!;
  const category = CATEGORIES[i % CATEGORIES.length]!;
  return {
    id: randomUUID(),
    name: `${adjective} ${colour} ${noun} ${i}`,
    description: `A ${adjective} ${noun} in ${colour}, made to last. Pairs well with a ${NOUNS[(i * 3) % NOUNS.length]}.`,
    attributes: `Material ${adjective} Colour ${colour}`,
    categoryId: category.id,
    categoryName: category.name,
    price: 500 + ((i * 7919) % 40_000),
    currency: 'USD',
    inStock: i % 5 !== 0,
    ratingAverage: (i % 50) / 10,
    ratingCount: i % 37,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  };
}

const QUERIES: (Partial<SearchArgs> & { kind: string })[] = [
  { kind: 'one word', query: 'lamp' },
  { kind: 'two words', query: 'walnut table' },
  { kind: 'prefix', query: 'quil jack' },
  { kind: 'filters', query: 'shirt', filters: { categoryIds: [CATEGORIES[0]!.id, CATEGORIES[5]!.id], minPrice: 1000, maxPrice: 20_000, inStock: true } },
  { kind: 'price sort', query: 'cotton', sort: 'PRICE_ASC' },
  { kind: 'newest, page 5', query: 'navy', sort: 'NEWEST', page: 5 },
  { kind: 'browse + facets', query: '' },
  { kind: 'typo (trigram)', query: 'teapto' },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => n.toFixed(1);

export interface SearchBenchResult {
  engine: string;
  products: number;
  typoTolerant: boolean;
  overall: { p50: number; p99: number; count: number };
  byKind: { kind: string; p50: number; p99: number }[];
  suggest: { p50: number; p99: number };
  freshness: { p50: number; p99: number; max: number; samples: number };
}

async function latency() {
  const database = await createTestDatabase();
  await applyMigrations({ connectionString: database.connectionString, schema: SEARCH_SCHEMA, migrationsDir });
  const prisma = createSearchPrisma(database.connectionString);
  try {
    const engine = new PostgresSearchEngine(prisma, logger);
    await engine.init();
    for (let start = 0; start < PRODUCTS; start += 1_000) {
      await engine.upsert(Array.from({ length: Math.min(1_000, PRODUCTS - start) }, (_, k) => syntheticDocument(start + k)));
    }
    await prisma.$executeRawUnsafe(`ANALYZE "search"."search_document"`);
    for (const q of QUERIES) await engine.search(parseSearchArgs({ query: '', ...q })); // warm-up
    const samples = new Map<string, number[]>(QUERIES.map((q) => [q.kind, []]));
    for (let i = 0; i < SEARCHES; i++) {
      const q = QUERIES[i % QUERIES.length]!;
      const t0 = performance.now();
      await engine.search(parseSearchArgs({ query: '', ...q }));
      samples.get(q.kind)!.push(performance.now() - t0);
    }
    const suggest: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await engine.suggest(['la', 'wal', 'qu', 'sne', 'c'][i % 5]!, 10);
      suggest.push(performance.now() - t0);
    }
    const all = [...samples.values()].flat().sort((a, b) => a - b);
    const sortedSuggest = suggest.sort((a, b) => a - b);
    return {
      typoTolerant: engine.typoTolerant,
      overall: { p50: percentile(all, 50), p99: percentile(all, 99), count: all.length },
      byKind: [...samples].map(([kind, values]) => {
        const sorted = values.sort((a, b) => a - b);
        return { kind, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
      }),
      suggest: { p50: percentile(sortedSuggest, 50), p99: percentile(sortedSuggest, 99) },
    };
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
}

function snapshot(id: string, name: string, version: number): PayloadOf<'catalog.product.updated.v1'> {
  return {
    id, slug: `bench-${id.slice(0, 8)}`, name, description: 'Freshness probe', categoryId: null, active: true, featured: false, currency: 'USD',
    attributes: [], images: [], variants: [{ id: randomUUID(), sku: `B-${id.slice(0, 8)}`, name: 'Default', price: 1000, options: [] }], version,
  };
}

/** catalog.product.updated published -> the search subgraph answers with the new name. */
async function freshness() {
  const database = await createTestDatabase();
  const bus = await createEventBus({ natsUrl: process.env.NATS_URL, logger, namespace: `benchsearch${randomUUID().slice(0, 8)}` });
  const keys = generateKeyPairPem();
  const service = await search.start({ env: {}, databaseUrl: database.connectionString, bus, logger, internalPublicKey: publicKeyFromPem(keys.publicKey), port: 0 });
  const token = await signInternalToken(anonymousViewer, privateKeyFromPem(keys.privateKey));
  const found = async (word: string) => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body: JSON.stringify({ query: `query ($q: String!) { search(query: $q) { pageInfo { total } } }`, variables: { q: word } }),
    });
    return ((await response.json()) as { data: { search: { pageInfo: { total: number } } } }).data.search.pageInfo.total > 0;
  };
  try {
    const id = randomUUID();
    const publish = (name: string, version: number) =>
      bus.publish('catalog.product.updated.v1', createEvent('catalog.product.updated.v1', snapshot(id, name, version), { correlationId: 'bench-freshness' }));
    await publish('probe warmup', 1);
    while (!(await found('warmup'))) await new Promise((resolve) => setTimeout(resolve, 5));
    const times: number[] = [];
    for (let i = 0; i < FRESHNESS_SAMPLES; i++) {
      const word = `fresh${i}x${randomUUID().slice(0, 6)}`;
      const t0 = performance.now();
      await publish(`probe ${word}`, i + 2);
      while (!(await found(word))) {
        if (performance.now() - t0 > 30_000) throw new Error('freshness probe never became searchable');
      }
      times.push(performance.now() - t0);
    }
    const sorted = times.sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)!, samples: sorted.length };
  } finally {
    await service.stop();
    await bus.close();
    await database.drop();
  }
}

export async function benchSearch(): Promise<SearchBenchResult> {
  const engine = `PostgreSQL engine on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)'} + ${process.env.NATS_URL ? 'NATS' : 'in-process bus'}`;
  const measured = await latency();
  return { engine, products: PRODUCTS, ...measured, freshness: await freshness() };
}

export function reportSearch(r: SearchBenchResult): string {
  const lines = [
    `\nsearch: ${r.products} products, ${r.overall.count} searches one at a time, ${r.engine}${r.typoTolerant ? '' : ' (no pg_trgm: typo query takes the full-text path only)'}`,
    `${'query'.padEnd(20)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
    ...r.byKind.map((k) => `${k.kind.padEnd(20)} ${ms(k.p50).padStart(8)} ${ms(k.p99).padStart(8)}`),
    `${'all searches'.padEnd(20)} ${ms(r.overall.p50).padStart(8)} ${ms(r.overall.p99).padStart(8)}`,
    `${'searchSuggestions'.padEnd(20)} ${ms(r.suggest.p50).padStart(8)} ${ms(r.suggest.p99).padStart(8)}`,
    `freshness (catalog.product.updated published -> searchable via GraphQL), ${r.freshness.samples} samples: p50 ${ms(r.freshness.p50)} ms, p99 ${ms(r.freshness.p99)} ms, max ${ms(r.freshness.max)} ms`,
  ];
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(reportSearch(await benchSearch()));
  process.exit(0);
}
