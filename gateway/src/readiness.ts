import type { ReadinessChecks } from '@drobble/kit/server/health';
import type { Fetcher } from './data-source.ts';
import type { SubgraphEndpoint } from './supergraph.ts';

/** Runs `check` at most once per `ttlMs`; callers within that window share the last outcome. */
export function cached(check: () => Promise<unknown>, ttlMs: number): () => Promise<unknown> {
  let last: { at: number; outcome: Promise<unknown> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= ttlMs) last = { at: now, outcome: check() };
    return last.outcome;
  };
}

/** The gateway is ready when every subgraph answers its /health; results are cached for `ttlMs`. */
export function subgraphReadinessChecks(subgraphs: SubgraphEndpoint[], fetcher: Fetcher, ttlMs: number): ReadinessChecks {
  const entries = subgraphs.map((subgraph) => {
    const healthUrl = new URL('/health', subgraph.url).toString();
    const check = async () => {
      const response = await fetcher(healthUrl, { method: 'GET' });
      await response.text();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    };
    return [subgraph.name, cached(check, ttlMs)] as const;
  });
  return Object.fromEntries(entries);
}
