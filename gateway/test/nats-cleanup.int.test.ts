import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startLivePlatform, type LivePlatform } from './live-fixtures.ts';

/** This test runs its own nats-server (with monitoring on) so it can count the server's subscriptions. */
const NATS_SERVER = '/usr/sbin/nats-server';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const waitFor = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

let nats: ChildProcess | undefined;
let storeDir = '';
let monitorUrl = '';
let platform: LivePlatform;

beforeAll(async () => {
  if (!existsSync(NATS_SERVER)) return;
  const [port, monitor] = [await freePort(), await freePort()];
  storeDir = await mkdtemp(join(tmpdir(), 'drobble-nats-'));
  nats = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-m', String(monitor), '-js', '-sd', storeDir], { stdio: 'ignore' });
  monitorUrl = `http://127.0.0.1:${monitor}`;
  await waitFor(async () => (await fetch(`${monitorUrl}/healthz`).catch(() => undefined))?.ok === true, 'nats-server');
  platform = await startLivePlatform({}, { natsUrl: `nats://127.0.0.1:${port}` });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  nats?.kill();
  if (storeDir) await rm(storeDir, { recursive: true, force: true });
});

/** Subscriptions the server holds on the live-event subjects of this platform's bus namespace. */
async function serverSubscriptions(): Promise<number> {
  const connz = (await (await fetch(`${monitorUrl}/connz?subs=1`)).json()) as { connections: { subscriptions_list?: string[] }[] };
  const live = [`${platform.namespace}.orders.order.status_changed.v1`, `${platform.namespace}.inventory.stock.changed.v1`];
  return connz.connections.flatMap((connection) => connection.subscriptions_list ?? []).filter((subject) => live.includes(subject)).length;
}

describe('graphql-ws subscribers on real NATS', () => {
  it.skipIf(!existsSync(NATS_SERVER))('share one NATS subscription per subject, and 100 disconnecting subscribers leave none behind', async () => {
    const baseline = await serverSubscriptions();
    expect(baseline).toBe(0);
    const product = { id: randomUUID(), name: 'Mug', available: 9 };
    platform.products.set(product.id, product);
    const admin = await platform.token({ roles: ['ADMIN'] });
    const order = { id: randomUUID(), status: 'PENDING', customerId: null, productIds: [product.id], paymentStatus: 'PENDING' };
    platform.orders.set(order.id, order);
    const clients = Array.from({ length: 100 }, (_, index) => platform.client(index % 2 ? admin : undefined));
    const seen = clients.map((client, index) =>
      index % 2
        ? collect(client, `subscription { orderUpdated(orderId: "${order.id}") { status } }`)
        : collect(client, `subscription { stockChanged(productId: "${product.id}") { available } }`),
    );
    const counts = () => platform.gateway.subscriptions.subscribers();
    await waitFor(() => counts()['orders.order.status_changed.v1'] === 50 && counts()['inventory.stock.changed.v1'] === 50, '100 subscriptions');
    expect(await serverSubscriptions()).toBe(baseline + 2);
    await platform.publishStock({ ...product, available: 8 });
    await waitFor(() => seen.every((entry, index) => index % 2 === 1 || entry.results.length === 1), 'every stock subscriber to get the event');
    await Promise.all(clients.map((client) => client.dispose()));
    await waitFor(() => Object.keys(counts()).length === 0 && platform.gateway.subscriptions.connections() === 0, 'the gateway to forget every subscriber');
    await waitFor(async () => (await serverSubscriptions()) === baseline, 'NATS to drop the subject subscriptions');
    expect(await serverSubscriptions()).toBe(baseline);
  });
});
