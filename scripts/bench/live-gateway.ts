/**
 * Benchmark helper process: a gateway over small in-memory subgraphs (gateway/test/live-fixtures.ts)
 * on the bus NATS_URL selects, plus a control endpoint for the benchmark:
 * POST /publish?seq=N publishes one inventory.stock.changed.v1 (the product's `available` = N) and
 * answers the publish time; GET /memory answers process.memoryUsage() after a full GC.
 * Prints `READY {"graphqlUrl","controlUrl","productId"}`.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { startLivePlatform } from '../../gateway/test/live-fixtures.ts';

const platform = await startLivePlatform({ NODE_ENV: 'production', QUERY_MAX_TOKENS: '5000' });
const product = { id: randomUUID(), name: 'Bench teapot', available: 0 };
platform.products.set(product.id, product);
const gc = (globalThis as { gc?: () => void }).gc;

const control = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://control');
  let body: unknown;
  if (url.pathname === '/publish') {
    product.available = Number(url.searchParams.get('seq'));
    const at = Date.now();
    await platform.publishStock(product);
    body = { at };
  } else if (url.pathname === '/memory') {
    gc?.();
    gc?.();
    body = { ...process.memoryUsage(), subscribers: platform.gateway.subscriptions.subscribers(), connections: platform.gateway.subscriptions.connections() };
  } else {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
const { port } = control.address() as { port: number };
process.stdout.write(`READY ${JSON.stringify({ graphqlUrl: platform.gateway.graphqlUrl, controlUrl: `http://127.0.0.1:${port}`, productId: product.id })}\n`);

const shutdown = async () => {
  control.close();
  await platform.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
