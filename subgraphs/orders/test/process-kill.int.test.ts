import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairPem, privateKeyFromPem } from '@drobble/kit/auth/keys';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@drobble/kit/auth/internal-token';
import { createEventBus } from '@drobble/kit/bus/create-bus';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { createTestDatabase, type TestDatabase } from '@drobble/kit/db/test-database';
import { createLogger } from '@drobble/kit/logger';
import { createEvent, type PayloadOf, type Subject } from '@drobble/schema/events';
import { admin, TEST_ENV, viewerWith, waitFor } from './harness.ts';
import { PLACE_ORDER, placeOrderInput } from './fixtures.ts';
import { ownNats, skipWithoutNatsServer, startResponder, type OwnNats, type Responder } from './nats-server.ts';

/** The orders process SIGKILLed mid-saga (twice) and started again on the same database and broker. */
const childEntry = fileURLToPath(new URL('./orders-child.ts', import.meta.url));
const keys = generateKeyPairPem();
const namespace = `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
let nats: OwnNats;
let db: TestDatabase;
let bus: EventBus;
let responder: Responder;
let child: { process: ChildProcess; url: string } | undefined;

async function startChild(): Promise<void> {
  const env = {
    ...process.env, ...TEST_ENV, ORDERS_TEST_DATABASE_URL: db.connectionString, NATS_URL: nats.url, BUS_NAMESPACE: namespace,
    INTERNAL_TOKEN_PUBLIC_KEY: keys.publicKey,
  };
  const proc = spawn(process.execPath, [childEntry], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`orders child exited with ${code}`)));
  });
  child = { process: proc, url };
}

async function killChild(): Promise<void> {
  const running = child;
  child = undefined;
  if (!running || running.process.exitCode !== null) return;
  const exited = new Promise((resolve) => running.process.once('exit', resolve));
  running.process.kill('SIGKILL');
  await exited;
}

async function gql(query: string, variables: Record<string, unknown>, viewer = admin): Promise<any> {
  const response = await fetch(`${child!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await signInternalToken(viewer, privateKeyFromPem(keys.privateKey)) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const publish = <S extends Subject>(subject: S, data: PayloadOf<S>) => bus.publish(subject, createEvent(subject, data, { correlationId: randomUUID() }));
const statusOf = async (id: string) => (await gql(`query ($id: ID!) { order(id: $id) { status } }`, { id })).data?.order?.status as string | undefined;

describe.skipIf(skipWithoutNatsServer)('the orders process killed mid-saga', () => {
  beforeAll(async () => {
    nats = await ownNats();
    db = await createTestDatabase();
    bus = await createEventBus({ natsUrl: nats.url, logger: createLogger('kill-test', 'silent'), namespace });
    responder = await startResponder(bus);
    await startChild();
  }, 120_000);

  afterAll(async () => {
    await killChild();
    await bus?.close();
    await nats?.cleanup();
    await db?.drop();
  });

  it('resumes every saga after SIGKILLs, asking for each payment once', async () => {
    const productId = randomUUID();
    const variantId = randomUUID();
    await publish('catalog.product.created.v1', { id: productId, slug: `k-${productId}`, name: 'Kill Mug', description: '', categoryId: null, active: true, featured: false, currency: 'USD', attributes: [], images: [], variants: [{ id: variantId, sku: `K-${productId.slice(0, 6)}`, name: 'K', price: 900, options: [] }], version: 1 });
    responder.holdPayments = true;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const customer = viewerWith('CUSTOMER');
      const cartId = randomUUID();
      await publish('cart.cart.updated.v1', { cartId, userId: customer.userId, lines: [{ variantId, productId, quantity: 1 }], version: 1, updatedAt: new Date().toISOString() });
      const order = await waitFor(async () => (await gql(PLACE_ORDER, { input: placeOrderInput(cartId) }, customer)).data?.placeOrder, 'projections and placeOrder');
      ids.push(order.id);
    }
    await waitFor(() => ids.every((id) => responder.charges.has(id)), 'payment requests');
    await killChild(); // killed with payments requested and unanswered
    responder.holdPayments = false; // payments answer while orders is dead
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await startChild();
    await waitFor(async () => (await Promise.all(ids.map(statusOf))).some((s) => s === 'PAID' || s === 'READY_TO_SHIP'), 'first payment applied', 60_000);
    await killChild(); // killed again somewhere between PAID and READY_TO_SHIP
    await startChild();
    await waitFor(async () => (await Promise.all(ids.map(statusOf))).every((s) => s === 'READY_TO_SHIP'), 'every order READY_TO_SHIP', 90_000);
    for (const id of ids) expect(responder.charges.get(id)!.size, id).toBe(1);
    const history = await gql(`query ($id: ID!) { order(id: $id) { history { status } } }`, { id: ids[0] });
    expect(history.data.order.history.map((e: any) => e.status)).toEqual(['PENDING', 'STOCK_RESERVED', 'PAID', 'READY_TO_SHIP']);
  }, 300_000);
});
