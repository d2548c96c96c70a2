import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import type { EventBus } from '@drobble/kit/bus/event-bus';
import { waitFor } from './harness.ts';

const natsServer = '/usr/sbin/nats-server';
export const skipWithoutNatsServer = existsSync(natsServer) ? false : `${natsServer} is not installed`;

/** A nats-server of the test's own (own port, own store directory) that it may SIGKILL and restart. */
export interface OwnNats {
  url: string;
  start(): Promise<void>;
  kill(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function ownNats(): Promise<OwnNats> {
  const port = await freePort();
  const storeDir = await mkdtemp(join(tmpdir(), 'drobble-nats-'));
  let child: ChildProcess | undefined;
  const nats: OwnNats = {
    url: `nats://127.0.0.1:${port}`,
    async start() {
      child = spawn(natsServer, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
      await waitFor(async () => connect({ servers: `127.0.0.1:${port}`, reconnect: false }).then((nc) => nc.close().then(() => true), () => false), 'nats-server', 15_000);
    },
    async kill() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    async cleanup() {
      await nats.kill();
      await rm(storeDir, { recursive: true, force: true });
    },
  };
  await nats.start();
  return nats;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** The envelope of a deterministic answer to `cause` (same id on every redelivery, so it is deduped). */
export function answerEnvelope(cause: { id: string; correlationId: string }, type: string) {
  return { id: uuidFrom(`${cause.id}:${type}`), type, version: 1, occurredAt: new Date().toISOString(), correlationId: cause.correlationId, causationId: cause.id, actor: null };
}

export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface Responder {
  /** payment_requested event ids per order: more than one would be a second charge. */
  charges: Map<string, Set<string>>;
  /** While true, payment requests are held (not answered) and redelivered later. */
  holdPayments: boolean;
}

/** Plays inventory (confirms every reservation), payments (tok_visa succeeds, others are declined) and shipping. */
export async function startResponder(bus: EventBus): Promise<Responder> {
  const responder: Responder = { charges: new Map(), holdPayments: false };
  await bus.subscribe({
    durable: 'fake-contexts',
    subjects: ['orders.order.stock_reservation_requested.v1', 'orders.order.payment_requested.v1', 'orders.order.shipment_requested.v1'],
    backoffMs: [200],
    maxDeliver: 1_000,
    handler: async (event, meta) => {
      const data = event.data as any;
      if (meta.subject === 'orders.order.stock_reservation_requested.v1') {
        await bus.publish('inventory.reservation.confirmed.v1', { ...answerEnvelope(event, 'inventory.reservation.confirmed'), data: { orderId: data.orderId, lines: data.lines, expiresAt: new Date(Date.now() + 3_600_000).toISOString() } } as never);
      } else if (meta.subject === 'orders.order.payment_requested.v1') {
        (responder.charges.get(data.orderId) ?? responder.charges.set(data.orderId, new Set()).get(data.orderId)!).add(event.id);
        if (responder.holdPayments) throw new Error('holding payments');
        const facts = { paymentId: uuidFrom(event.id), orderId: data.orderId, provider: 'TEST', amount: data.amount, currency: data.currency };
        if (data.token === 'tok_visa') await bus.publish('payments.payment.succeeded.v1', { ...answerEnvelope(event, 'payments.payment.succeeded'), data: facts } as never);
        else await bus.publish('payments.payment.failed.v1', { ...answerEnvelope(event, 'payments.payment.failed'), data: { ...facts, reason: 'DECLINED', message: null } } as never);
      } else {
        await bus.publish('shipping.shipment.prepared.v1', { ...answerEnvelope(event, 'shipping.shipment.prepared'), data: { shipmentId: uuidFrom(event.id), orderId: data.orderId, carrier: 'DHL', trackingNumber: `T-${data.number}`, estimatedDelivery: null } } as never);
      }
    },
  });
  return responder;
}
