import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@drobble/kit/logger';
import { createEvent } from '@drobble/schema/events';
import type { PaymentsDeps } from '../src/application/deps.ts';
import { refundPayment } from '../src/application/refund-payment.ts';
import { createTestGateway } from '../src/providers/test-provider.ts';
import { eventually, paymentRequest, startPayments, type PaymentsHarness } from './harness.ts';

let h: PaymentsHarness;

beforeAll(async () => {
  h = await startPayments();
});
afterAll(() => h?.stop());

async function paidOrder(amount = 5_000, token = 'tok_visa') {
  const request = paymentRequest({ amount, token });
  await h.publish('orders.order.payment_requested.v1', request);
  await h.waitFor(token === 'tok_visa' ? 'payments.payment.succeeded.v1' : 'payments.payment.failed.v1', request.orderId);
  return request.orderId;
}

const refundRequest = (orderId: string, amount: number | null) => ({ orderId, refundRequestId: randomUUID(), amount, reason: 'customer returned it' });
const paymentOf = (orderId: string) => h.prisma.payment.findUniqueOrThrow({ where: { orderId }, include: { refunds: true } });

describe('refunds', () => {
  it('partial, then the rest (amount null), then nothing is left', async () => {
    const orderId = await paidOrder(5_000);
    const partial = refundRequest(orderId, 2_000);
    await h.publish('orders.order.refund_requested.v1', partial);
    const [first] = await h.waitFor('payments.payment.refunded.v1', orderId);
    expect(first!.data).toMatchObject({ refundRequestId: partial.refundRequestId, refunded: 2_000, totalRefunded: 2_000, full: false });
    expect(await paymentOf(orderId)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 2_000 });

    const rest = refundRequest(orderId, null);
    await h.publish('orders.order.refund_requested.v1', rest);
    const second = (await h.waitFor('payments.payment.refunded.v1', orderId, 2))[1]!;
    expect(second.data).toMatchObject({ refundRequestId: rest.refundRequestId, refunded: 3_000, totalRefunded: 5_000, full: true });
    const payment = await paymentOf(orderId);
    expect(payment).toMatchObject({ status: 'REFUNDED', refundedAmount: 5_000 });
    expect(payment.refunds.map((refund) => refund.amount).sort()).toEqual([2_000, 3_000]);

    const more = refundRequest(orderId, null);
    await h.publish('orders.order.refund_requested.v1', more);
    const [failed] = await h.waitFor('payments.refund.failed.v1', orderId);
    expect(failed!.data).toMatchObject({ refundRequestId: more.refundRequestId, reason: 'NOTHING_TO_REFUND' });
  });

  it('more than is left -> REFUND_EXCEEDS_PAYMENT and nothing changes', async () => {
    const orderId = await paidOrder(3_000);
    const request = refundRequest(orderId, 3_001);
    await h.publish('orders.order.refund_requested.v1', request);
    const [failed] = await h.waitFor('payments.refund.failed.v1', orderId);
    expect(failed!.data).toMatchObject({ refundRequestId: request.refundRequestId, reason: 'REFUND_EXCEEDS_PAYMENT' });
    expect(await paymentOf(orderId)).toMatchObject({ status: 'SUCCEEDED', refundedAmount: 0, refunds: [] });
  });

  it('no payment, or a declined one -> refund.failed', async () => {
    const unknown = refundRequest(randomUUID(), null);
    await h.publish('orders.order.refund_requested.v1', unknown);
    expect((await h.waitFor('payments.refund.failed.v1', unknown.orderId))[0]!.data).toMatchObject({ reason: 'PAYMENT_NOT_FOUND' });
    const declined = await paidOrder(1_000, 'tok_chargeDeclined');
    await h.publish('orders.order.refund_requested.v1', refundRequest(declined, null));
    expect((await h.waitFor('payments.refund.failed.v1', declined))[0]!.data).toMatchObject({ reason: 'PAYMENT_NOT_CAPTURED' });
  });

  it('the same refund request twice refunds once', async () => {
    const orderId = await paidOrder(4_000);
    const event = createEvent('orders.order.refund_requested.v1', refundRequest(orderId, 1_000), { correlationId: randomUUID() });
    const deps: PaymentsDeps = { prisma: h.prisma, gateways: { TEST: createTestGateway() }, logger: createLogger('refund-test', 'silent') };
    await refundPayment(deps, event);
    await refundPayment(deps, event); // a redelivery: the inbox skips it
    await refundPayment(deps, { ...event, id: randomUUID() }); // the same request re-sent as a new event: answered, not repeated
    expect(await paymentOf(orderId)).toMatchObject({ refundedAmount: 1_000, status: 'PARTIALLY_REFUNDED' });
    expect(await h.prisma.refund.count({ where: { payment: { orderId } } })).toBe(1);
  });

  it('concurrent refund requests never refund more than was captured', async () => {
    const orderId = await paidOrder(5_000);
    const deps: PaymentsDeps = { prisma: h.prisma, gateways: { TEST: createTestGateway() }, logger: createLogger('refund-test', 'silent') };
    const events = Array.from({ length: 6 }, () => createEvent('orders.order.refund_requested.v1', refundRequest(orderId, 1_500), { correlationId: randomUUID() }));
    const results = await Promise.allSettled(events.map((event) => refundPayment(deps, event)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const payment = await paymentOf(orderId);
    expect(payment.refunds).toHaveLength(3);
    expect(payment).toMatchObject({ refundedAmount: 4_500, status: 'PARTIALLY_REFUNDED' });
    await eventually(async () => {
      const outbox = await h.prisma.outboxEvent.findMany({ where: { subject: { in: ['payments.payment.refunded.v1', 'payments.refund.failed.v1'] }, envelope: { path: ['data', 'orderId'], equals: orderId } } });
      expect(outbox.filter((row) => row.subject === 'payments.refund.failed.v1').map((row) => (row.envelope as { data: { reason: string } }).data.reason)).toEqual(['REFUND_EXCEEDS_PAYMENT', 'REFUND_EXCEEDS_PAYMENT', 'REFUND_EXCEEDS_PAYMENT']);
    });
  });
});
