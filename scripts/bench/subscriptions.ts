/**
 * Live benchmarks (part of `npm run bench`, or alone: `npm exec -- node scripts/bench/subscriptions.ts`):
 * 1. BENCH_SUBSCRIBERS (2,000) graphql-ws subscribers of stockChanged on one gateway process:
 *    event-to-client latency p50/p99 over BENCH_EVENTS events, and the gateway's memory per subscriber.
 * 2. Automatic persisted queries: hash-only requests against full-text requests, requests/s ratio.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { repoRoot } from '@drobble/schema/subgraphs.ts';
import { measure, type LoadResult } from './load.ts';
import { startChild } from './processes.ts';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 2_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 30);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

interface Ready { graphqlUrl: string; controlUrl: string; productId: string }
const json = async <T>(url: string, init?: RequestInit) => (await (await fetch(url, init)).json()) as T;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function subscribersBench(ready: Ready) {
  const before = await json<{ heapUsed: number; rss: number }>(`${ready.controlUrl}/memory`);
  const received = new Map<number, number[]>();
  const clients: Client[] = [];
  const query = `subscription ($id: ID!) { stockChanged(productId: $id) { id name available } }`;
  for (let index = 0; index < SUBSCRIBERS; index++) {
    const client = createClient({ url: ready.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => {} });
    clients.push(client);
    client.subscribe<{ stockChanged: { available: number } }>({ query, variables: { id: ready.productId } }, {
      next: (result) => {
        const seq = result.data?.stockChanged.available;
        if (seq !== undefined) received.set(seq, [...(received.get(seq) ?? []), Date.now()]);
      },
      error: () => {},
      complete: () => {},
    });
    if (index % 200 === 199) await sleep(50);
  }
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const memory = await json<{ subscribers: Record<string, number> }>(`${ready.controlUrl}/memory`);
    if ((memory.subscribers['inventory.stock.changed.v1'] ?? 0) >= SUBSCRIBERS) break;
    await sleep(250);
  }
  const during = await json<{ heapUsed: number; rss: number }>(`${ready.controlUrl}/memory`);
  const publishedAt = new Map<number, number>();
  for (let seq = 1; seq <= EVENTS; seq++) {
    const { at } = await json<{ at: number }>(`${ready.controlUrl}/publish?seq=${seq}`, { method: 'POST' });
    publishedAt.set(seq, at);
    const wait = Date.now() + 10_000;
    while ((received.get(seq)?.length ?? 0) < SUBSCRIBERS && Date.now() < wait) await sleep(5);
    await sleep(100);
  }
  // Late deliveries (a loaded machine) still count, with their real latency.
  const all = () => [...received.values()].reduce((sum, times) => sum + times.length, 0);
  const lateDeadline = Date.now() + 30_000;
  while (all() < EVENTS * SUBSCRIBERS && Date.now() < lateDeadline) await sleep(50);
  const latencies = [...received].flatMap(([seq, times]) => times.map((time) => time - (publishedAt.get(seq) ?? time)));
  const delivered = latencies.length;
  await Promise.all(clients.map((client) => client.dispose()));
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    delivered,
    expected: EVENTS * SUBSCRIBERS,
    heapPerSubscriber: (during.heapUsed - before.heapUsed) / SUBSCRIBERS,
    rssPerSubscriber: (during.rss - before.rss) / SUBSCRIBERS,
  };
}

/** A storefront-sized query (within the default limits): the text is ~0.5 kB, the APQ request ~0.15 kB. */
const APQ_QUERY = `query BenchListing($pageSize: Int) { products(pageSize: $pageSize) { id name available ${Array.from({ length: 7 }, (_, index) => `f${index}: name`).join(' ')} related(pageSize: 5) { id name available ${Array.from({ length: 7 }, (_, index) => `r${index}: name`).join(' ')} } } }`;

async function apqBench(ready: Ready) {
  const sha256Hash = createHash('sha256').update(APQ_QUERY).digest('hex');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  const full = JSON.stringify({ query: APQ_QUERY, variables: { pageSize: 20 }, extensions });
  const hashOnly = JSON.stringify({ variables: { pageSize: 20 }, extensions });
  for (const body of [full, hashOnly]) {
    const answer = await json<{ errors?: unknown[] }>(ready.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (answer.errors) throw new Error(`APQ bench query refused: ${JSON.stringify(answer.errors)}`);
  }
  // Alternating rounds (the order flips each round), so drifting machine load hits both sides alike.
  const rounds: { text: LoadResult; hash: LoadResult }[] = [];
  for (let round = 0; round < 3; round++) {
    const runText = () => measure({ name: 'full text', url: ready.graphqlUrl, headers: {}, body: full }, SECONDS, CONNECTIONS);
    const runHash = () => measure({ name: 'hash only (APQ)', url: ready.graphqlUrl, headers: {}, body: hashOnly }, SECONDS, CONNECTIONS);
    if (round % 2 === 0) rounds.push({ text: await runText(), hash: await runHash() });
    else {
      const hash = await runHash();
      rounds.push({ text: await runText(), hash });
    }
  }
  return { rounds, fullBytes: full.length, hashBytes: hashOnly.length };
}

export async function runLiveBenchmarks(): Promise<void> {
  const gateway = await startChild(join(repoRoot, 'scripts/bench/live-gateway.ts'), { ...process.env, LOG_LEVEL: 'warn', NODE_OPTIONS: '--expose-gc' });
  try {
    const ready = JSON.parse(gateway.ready) as Ready;
    const bus = process.env.NATS_URL ? 'NATS' : 'in-process bus';
    const live = await subscribersBench(ready);
    process.stdout.write(`\nsubscriptions: ${SUBSCRIBERS} graphql-ws subscribers of stockChanged on one gateway, ${EVENTS} events, ${bus}\n`);
    process.stdout.write(`event-to-client latency p50 ${live.p50} ms, p99 ${live.p99} ms; delivered ${live.delivered}/${live.expected}\n`);
    process.stdout.write(`gateway memory per subscriber: heap ${(live.heapPerSubscriber / 1024).toFixed(1)} KiB, rss ${(live.rssPerSubscriber / 1024).toFixed(1)} KiB\n`);
    const apq = await apqBench(ready);
    process.stdout.write(`\nAPQ, ${CONNECTIONS} connections, ${SECONDS} s each (request body ${apq.fullBytes} B full text vs ${apq.hashBytes} B hash only)\n`);
    for (const [index, round] of apq.rounds.entries()) {
      for (const r of [round.text, round.hash]) process.stdout.write(`round ${index + 1} ${r.name.padEnd(16)} ${r.requestsPerSecond.toFixed(0).padStart(8)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}\n`);
    }
    const ratios = apq.rounds.map((round) => round.hash.requestsPerSecond / round.text.requestsPerSecond).sort((a, b) => a - b);
    process.stdout.write(`hash-only / full-text throughput: median ${ratios[1]!.toFixed(2)} (rounds: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')})\n`);
  } finally {
    await gateway.stop();
  }
}

if (import.meta.main) await runLiveBenchmarks();
