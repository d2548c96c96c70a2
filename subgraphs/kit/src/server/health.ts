import type { ServerResponse } from 'node:http';
import { sendJson, sendText } from './http.ts';
import type { Metrics } from './metrics.ts';

/** A named dependency check for /ready: resolves when reachable, throws otherwise. */
export type ReadinessChecks = Record<string, () => Promise<unknown>>;

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch (error) {
    return `down: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Serves /health, /ready and /metrics; returns false for any other path. */
export async function serveOperationalRoute(path: string, response: ServerResponse, checks: ReadinessChecks, metrics: Metrics): Promise<boolean> {
  if (path === '/health') {
    sendJson(response, 200, { status: 'ok' });
    return true;
  }
  if (path === '/ready') {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => runCheck(checks[name]!)));
    const report = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const ready = results.every((result) => result === 'ok');
    sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: report });
    return true;
  }
  if (path === '/metrics') {
    sendText(response, 200, await metrics.registry.metrics(), metrics.registry.contentType);
    return true;
  }
  return false;
}
