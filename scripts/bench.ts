/**
 * `npm run bench`: the catalog listing query at the catalog subgraph and through the Drobble and a
 * vanilla @apollo/gateway (the gateway's own overhead); the storefront listing query (catalog +
 * inventory + reviews) through both gateways against its catalog-only part at the subgraph; then the SQL statements per request at several page sizes. Each target
 * runs in its own process; figures are compared as ratios measured together.
 */
import { join } from 'node:path';
import { anonymousViewer } from '@drobble/kit/auth/viewer';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@drobble/kit/auth/internal-token';
import { generateKeyPairPem, privateKeyFromPem } from '@drobble/kit/auth/keys';
import { listSubgraphs, repoRoot } from '@drobble/schema/subgraphs.ts';
import { compareCheckout } from './bench/checkout.ts';
import { benchSearch, reportSearch } from './bench/search.ts';
import { measure, type LoadResult } from './bench/load.ts';
import { freePort, startChild, type Child } from './bench/processes.ts';
import { catalogOnlyQuery, storefrontQuery } from './bench/query-count.ts';
import { runLiveBenchmarks } from './bench/subscriptions.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
// rating comes from the reviews subgraph: measured only when it is registered.
const WITH_RATING = listSubgraphs().some((entry) => entry.name === 'reviews');
const STOREFRONT_QUERY = storefrontQuery(20, WITH_RATING);
const CATALOG_QUERY = catalogOnlyQuery(20);
/** The catalog listing every storefront starts from (one subgraph): the gateway's own overhead. */
const LISTING_QUERY = `query Storefront { products(pageSize: 20) { items { id name price { amount currency } variants { sku price { amount } } } } }`;

const access = generateKeyPairPem();
const internal = generateKeyPairPem();
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  ACCESS_TOKEN_PRIVATE_KEY: access.privateKey,
  ACCESS_TOKEN_PUBLIC_KEY: access.publicKey,
  INTERNAL_TOKEN_PRIVATE_KEY: internal.privateKey,
  INTERNAL_TOKEN_PUBLIC_KEY: internal.publicKey,
  BUS_NAMESPACE: `bench${process.pid}`,
};

const children: Child[] = [];
try {
  const subgraphs = await startChild(join(repoRoot, 'scripts/bench/serve-subgraphs.ts'), baseEnv);
  children.push(subgraphs);
  const urls = JSON.parse(subgraphs.ready) as Record<string, string>;
  const routing = Object.fromEntries(Object.entries(urls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, `${url}/graphql`]));
  const gatewayEnv = { ...baseEnv, ...routing, SUPERGRAPH_PATH: join(repoRoot, 'schema/supergraph.graphql') };
  const drobble = await startChild(join(repoRoot, 'scripts/bench/drobble-gateway.ts'), { ...gatewayEnv, PORT: String(await freePort()) });
  children.push(drobble);
  const vanilla = await startChild(join(repoRoot, 'scripts/bench/vanilla-gateway.ts'), { ...gatewayEnv, PORT: String(await freePort()) });
  children.push(vanilla);

  const internalToken = await signInternalToken(anonymousViewer, privateKeyFromPem(internal.privateKey));
  /** One query through both gateways, and `subgraphQuery` straight at the catalog subgraph. */
  const round = async (subgraphQuery: string, gatewayQuery: string): Promise<LoadResult[]> => [
    await measure({ name: 'catalog subgraph (direct)', url: `${urls.catalog}/graphql`, headers: { [INTERNAL_TOKEN_HEADER]: internalToken }, body: JSON.stringify({ query: subgraphQuery }) }, SECONDS, CONNECTIONS),
    await measure({ name: 'drobble gateway', url: `${drobble.ready}/graphql`, headers: {}, body: JSON.stringify({ query: gatewayQuery }) }, SECONDS, CONNECTIONS),
    await measure({ name: 'vanilla @apollo/gateway', url: vanilla.ready, headers: {}, body: JSON.stringify({ query: gatewayQuery }) }, SECONDS, CONNECTIONS),
  ];
  const catalogRound = await round(LISTING_QUERY, LISTING_QUERY);
  const storefrontRound = await round(CATALOG_QUERY, STOREFRONT_QUERY);
  for (const child of children.splice(0).reverse()) await child.stop();
  const counter = await startChild(join(repoRoot, 'scripts/bench/count-queries.ts'), { ...baseEnv, BUS_NAMESPACE: `benchcount${process.pid}` }, 300_000);
  children.push(counter);
  reportRound(`catalog listing: ${LISTING_QUERY} (the same query at the subgraph and through the gateways)`, catalogRound);
  reportRound(`storefront listing through the gateways: ${STOREFRONT_QUERY}\nits catalog-only part at the catalog subgraph: ${CATALOG_QUERY}${WITH_RATING ? '' : '\n(rating left out: the reviews subgraph is not registered)'}`, storefrontRound);
  reportStatements(JSON.parse(counter.ready) as Record<string, number>);
} finally {
  for (const child of children.reverse()) await child.stop();
}

// The order saga (orders, inventory, payments, shipping): scripts/bench/checkout.ts.
process.stdout.write(await compareCheckout());

// Search latency over 10,000 products (PostgreSQL engine) and event-to-searchable freshness: scripts/bench/search.ts.
process.stdout.write(reportSearch(await benchSearch()));

// graphql-ws subscribers (latency, memory) and APQ hash-only vs full text: scripts/bench/subscriptions.ts.
await runLiveBenchmarks();

function reportRound(title: string, [subgraph, drobble, vanilla]: LoadResult[]) {
  const engine = `${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'} + ${process.env.NATS_URL ? 'NATS' : 'in-process bus'}`;
  process.stdout.write(`\n${title}\n${CONNECTIONS} connections, ${SECONDS} s each, ${engine}\n`);
  process.stdout.write(`${'target'.padEnd(28)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}\n`);
  for (const r of [subgraph!, drobble!, vanilla!]) {
    process.stdout.write(`${r.name.padEnd(28)} ${r.requestsPerSecond.toFixed(0).padStart(9)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(7)}\n`);
  }
  process.stdout.write(`gateway / subgraph throughput:          ${(drobble!.requestsPerSecond / subgraph!.requestsPerSecond).toFixed(2)}\n`);
  process.stdout.write(`drobble / vanilla gateway throughput:    ${(drobble!.requestsPerSecond / vanilla!.requestsPerSecond).toFixed(2)}\n`);
}

function reportStatements(statements: Record<string, number>) {
  const sizes = Object.entries(statements).map(([size, count]) => `pageSize ${size}: ${count}`).join(', ');
  process.stdout.write(`SQL statements per storefront request (catalog + inventory + reviews, through the gateway): ${sizes}\n`);
}
