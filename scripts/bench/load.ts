import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface LoadTarget {
  name: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const run = (target: LoadTarget, seconds: number, connections: number) =>
  autocannon({ url: target.url, method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body: target.body, duration: seconds, connections });

/** A short warm-up (JIT, query-plan cache, connection pools), then the measured run. */
export async function measure(target: LoadTarget, seconds: number, connections: number): Promise<LoadResult> {
  await run(target, Math.max(2, Math.round(seconds / 4)), connections);
  const result = await run(target, seconds, connections);
  return {
    name: target.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}
