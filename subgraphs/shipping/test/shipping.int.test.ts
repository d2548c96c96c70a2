import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startSubgraphHarness, type SubgraphHarness } from '@drobble/kit/testing/subgraph-harness';
import type { EventOf, PayloadOf, Subject } from '@drobble/schema/events';
import { estimateDelivery } from '../src/domain/delivery-estimate.ts';
import { isValidTrackingNumber } from '../src/domain/tracking-number.ts';
import shipping from '../src/index.ts';
import { createShippingPrisma, type ShippingPrisma } from '../src/infra/prisma.ts';

let h: SubgraphHarness<ShippingPrisma>;
const prepared: EventOf<'shipping.shipment.prepared.v1'>[] = [];

beforeAll(async () => {
  h = await startSubgraphHarness(shipping, { env: process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}, createPrisma: createShippingPrisma });
  await h.bus.subscribe({ durable: 'shipping-test-listener', subjects: ['shipping.shipment.prepared.v1'], handler: async (event) => void prepared.push(event) });
});
afterAll(async () => {
  await h?.stop();
});

const publish = <S extends Subject>(subject: S, data: PayloadOf<S>) => h.publish(subject, data, { correlationId: randomUUID() });

const preparedFor = (orderId: string, count = 1) =>
  eventually(() => {
    const found = prepared.filter((event) => event.data.orderId === orderId);
    if (found.length < count) throw new Error(`waiting for ${count} prepared events`);
    return found;
  });

const shipmentRequest = (shippingMethod: 'STANDARD' | 'EXPRESS') => ({
  orderId: randomUUID(),
  number: 'ORD-20261123-AB12C',
  shippingMethod,
  shippingAddress: { fullName: 'Ada Lovelace', line1: '1 Analytical St', line2: null, city: 'London', region: null, postalCode: 'N1 1AA', country: 'GB', phone: null },
  lines: [{ sku: 'MUG-1', quantity: 2 }],
});

async function orderShipment(orderId: string) {
  const body = await h.gql<{ _entities: { shipment: Record<string, string> | null }[] }>(
    `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id shipment { id carrier trackingNumber status estimatedDelivery } } } }`,
    { reps: [{ __typename: 'Order', id: orderId }] },
  );
  expect(body.errors).toBeUndefined();
  return body.data!._entities[0]!.shipment;
}

const statusChanged = (orderId: string, from: string, to: string) =>
  ({ orderId, number: 'ORD-20261123-AB12C', customerId: null, email: 'ada@example.com', currency: 'GBP', from, to, reason: null, total: 1_000, at: new Date().toISOString() }) as PayloadOf<'orders.order.status_changed.v1'>;

describe('shipping', () => {
  it('prepares a shipment per method with carrier, valid tracking number and estimate', async () => {
    const standard = shipmentRequest('STANDARD');
    const express = shipmentRequest('EXPRESS');
    const before = Date.now();
    const sent = await publish('orders.order.shipment_requested.v1', standard);
    await publish('orders.order.shipment_requested.v1', express);
    const [event] = await preparedFor(standard.orderId);
    expect(event!.causationId).toBe(sent.id);
    expect(event!.correlationId).toBe(sent.correlationId);
    expect(event!.data).toMatchObject({ orderId: standard.orderId, carrier: 'Drobble Post' });
    expect(isValidTrackingNumber(event!.data.trackingNumber)).toBe(true);
    expect(event!.data.trackingNumber).toMatch(/^DP/);
    const [fast] = await preparedFor(express.orderId);
    expect(fast!.data).toMatchObject({ carrier: 'Drobble Express' });
    expect(fast!.data.trackingNumber).toMatch(/^DX/);
    // The estimate is N business days after the day of preparation (whatever the hour), so compare
    // with the estimate for the instants just before and after the requests (a midnight may pass).
    const after = Date.now();
    const estimates = (businessDays: number) => [before, after].map((at) => estimateDelivery(new Date(at), businessDays).toISOString());
    expect(estimates(5)).toContain(event!.data.estimatedDelivery);
    expect(estimates(2)).toContain(fast!.data.estimatedDelivery);
    expect(await orderShipment(standard.orderId)).toMatchObject({ id: event!.data.shipmentId, carrier: 'Drobble Post', trackingNumber: event!.data.trackingNumber, status: 'PREPARED', estimatedDelivery: event!.data.estimatedDelivery });
    expect(await orderShipment(randomUUID())).toBeNull();
  });

  it('a repeated request creates nothing new and repeats the same facts', async () => {
    const request = shipmentRequest('STANDARD');
    await publish('orders.order.shipment_requested.v1', request);
    await publish('orders.order.shipment_requested.v1', request);
    const events = await preparedFor(request.orderId, 2);
    expect(new Set(events.map((event) => event.data.trackingNumber)).size).toBe(1);
    expect(await h.prisma.shipment.count({ where: { orderId: request.orderId } })).toBe(1);
  });

  it('follows the order to SHIPPED and DELIVERED, never back', async () => {
    const request = shipmentRequest('EXPRESS');
    await publish('orders.order.shipment_requested.v1', request);
    await preparedFor(request.orderId);
    await publish('orders.order.status_changed.v1', statusChanged(request.orderId, 'READY_TO_SHIP', 'SHIPPED'));
    await eventually(async () => expect((await orderShipment(request.orderId))!.status).toBe('SHIPPED'));
    await publish('orders.order.status_changed.v1', statusChanged(request.orderId, 'SHIPPED', 'DELIVERED'));
    await eventually(async () => expect((await orderShipment(request.orderId))!.status).toBe('DELIVERED'));
    const late = await publish('orders.order.status_changed.v1', statusChanged(request.orderId, 'READY_TO_SHIP', 'SHIPPED'));
    await eventually(async () => expect(await h.prisma.inboxEvent.count({ where: { eventId: late.id } })).toBe(1));
    expect((await orderShipment(request.orderId))!.status).toBe('DELIVERED');
  });
});
