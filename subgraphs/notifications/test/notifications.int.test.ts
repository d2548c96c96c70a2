import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, eventually, startNotifications, viewerWith } from './harness.ts';
import { orderFacts } from './fixtures.ts';
import { startSmtpServer } from './smtp.ts';

type Harness = Awaited<ReturnType<typeof startNotifications>>;
let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

const MY_NOTIFICATIONS = `query ($page: Int, $pageSize: Int) { myNotifications(page: $page, pageSize: $pageSize) { items { id channel subject body read createdAt } pageInfo { page pageSize total } } }`;
const MARK_READ = `mutation ($id: ID!) { markNotificationRead(id: $id) }`;

const mailTo = (to: string) => smtp.received.filter((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((address) => address?.text.includes(to)));

/** Waits until exactly `count` messages to `to` arrived (and no more after a short pause). */
async function arrived(to: string, count: number) {
  const mails = await eventually(async () => {
    const found = mailTo(to);
    expect(found).toHaveLength(count);
    return found;
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(mailTo(to)).toHaveLength(count);
  return mails;
}

beforeAll(async () => {
  smtp = await startSmtpServer({ failFirst: 2 });
  h = await startNotifications({ SMTP_URL: smtp.url, MAIL_RETRY_BASE_MS: '200', MAIL_FROM: 'Drobble <shop@drobble.test>' });
});
afterAll(async () => {
  await h?.stop();
  await smtp?.close();
});

describe('emails over SMTP', () => {
  it('retries a refused send with backoff and delivers it exactly once', async () => {
    const userId = randomUUID();
    const email = `ada-${randomUUID().slice(0, 8)}@example.com`;
    await h.publish('identity.user.registered.v1', { userId, email, firstName: '<b>Ada</b>', lastName: null, roles: ['CUSTOMER'] }, { correlationId: 'c1' });
    const [welcome] = await arrived(email, 1);
    expect(welcome!.subject).toBe('Welcome to Drobble');
    expect(welcome!.from?.text).toContain('shop@drobble.test');
    expect(welcome!.text).toContain('Hello <b>Ada</b>,');
    expect(welcome!.html).toContain('Hello &lt;b&gt;Ada&lt;/b&gt;,');
    expect(welcome!.html).not.toContain('<b>Ada</b>');
    const row = await h.prisma.email.findFirstOrThrow({ where: { to: email } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 3, template: 'welcome' });
    expect(smtp.attempts()).toBeGreaterThanOrEqual(3);
  });

  it('sends a password reset link with the token, then keeps no copy of it', async () => {
    const token = `T${randomUUID().replaceAll('-', '')}xyz`;
    const email = `reset-${randomUUID().slice(0, 8)}@example.com`;
    await h.publish('identity.password_reset.requested.v1', { userId: randomUUID(), email, firstName: 'Ann', token, expiresAt: new Date(Date.now() + 1_800_000).toISOString() }, { correlationId: 'c2' });
    const [mail] = await arrived(email, 1);
    expect(mail!.subject).toBe('Reset your Drobble password');
    expect(mail!.text).toContain(`http://localhost:5173/reset-password?token=${token}`);
    const row = await eventually(async () => {
      const found = await h.prisma.email.findFirstOrThrow({ where: { to: email } });
      expect(found.status).toBe('SENT');
      return found;
    });
    expect(`${row.text}${row.html}`).not.toContain(token);
  });

  it('confirms, receipts and follows an order to delivery; cancellations and refunds too', async () => {
    const order = orderFacts();
    const to = order.facts.email;
    await h.publish('orders.order.placed.v1', order.placed, { correlationId: 'o1' });
    await h.publish('orders.order.status_changed.v1', order.status(null, 'PENDING'), { correlationId: 'o1' });
    await h.publish('payments.payment.succeeded.v1', order.succeeded, { correlationId: 'o1' });
    await h.publish('orders.order.status_changed.v1', order.status('PENDING', 'PAID'), { correlationId: 'o1' });
    await h.publish('orders.order.status_changed.v1', order.status('READY_TO_SHIP', 'SHIPPED'), { correlationId: 'o1' });
    await h.publish('orders.order.status_changed.v1', order.status('SHIPPED', 'DELIVERED'), { correlationId: 'o1' });
    await h.publish('orders.order.status_changed.v1', order.status('DELIVERED', 'REFUNDED', 'Damaged & late'), { correlationId: 'o1' });
    const mails = await arrived(to, 5);
    const subjects = mails.map((mail) => mail.subject).sort();
    const n = order.facts.number;
    expect(subjects).toEqual([`Order ${n} has shipped`, `Order ${n} received`, `Order ${n} was delivered`, `Order ${n} was refunded`, `Receipt for order ${n}`].sort());
    const confirmation = mails.find((mail) => mail.subject === `Order ${n} received`)!;
    expect(confirmation.text).toContain('2 x Mug <Deluxe> @ 12.50 USD');
    expect(confirmation.html).toContain('Mug &lt;Deluxe&gt;');
    expect(mails.find((mail) => mail.subject?.includes('refunded'))!.html).toContain('Reason: Damaged &amp; late');

    const cancelled = orderFacts(null);
    await h.publish('orders.order.status_changed.v1', cancelled.status('PENDING', 'CANCELLED', 'PAYMENT_TIMEOUT'), { correlationId: 'o2' });
    const [mail] = await arrived(cancelled.facts.email, 1);
    expect(mail!.subject).toBe(`Order ${cancelled.facts.number} was cancelled`);
  });

  it('holds a receipt until the order is known, and sends each event once', async () => {
    const order = orderFacts();
    await h.publish('payments.payment.succeeded.v1', order.succeeded, { correlationId: 'o3' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const placed = await h.publish('orders.order.placed.v1', order.placed, { correlationId: 'o3' });
    await h.bus.publish('orders.order.placed.v1', placed);
    const mails = await arrived(order.facts.email, 2);
    expect(mails.map((mail) => mail.subject).sort()).toEqual([`Order ${order.facts.number} received`, `Receipt for order ${order.facts.number}`]);
    expect(await h.prisma.email.count({ where: { to: order.facts.email } })).toBe(2);
  });
});

describe('in-app notifications', () => {
  it('lists mine newest first, pages, and lets only me mark them read', async () => {
    const customerId = randomUUID();
    const me = { userId: customerId, roles: ['CUSTOMER' as const], sessionId: null };
    const order = orderFacts(customerId);
    await h.publish('identity.user.registered.v1', { userId: customerId, email: order.facts.email, firstName: 'Me', lastName: null, roles: ['CUSTOMER'] }, { correlationId: 'n1' });
    await h.publish('orders.order.placed.v1', order.placed, { correlationId: 'n1' });
    await h.publish('orders.order.status_changed.v1', order.status('READY_TO_SHIP', 'SHIPPED'), { correlationId: 'n1' });
    const page = await eventually(async () => {
      const response = await h.gql(MY_NOTIFICATIONS, {}, me);
      expect(response.errors).toBeUndefined();
      expect(response.data!.myNotifications.pageInfo.total).toBe(3);
      return response.data!.myNotifications;
    });
    const createdAts = page.items.map((item: { createdAt: string }) => item.createdAt);
    expect([...createdAts].sort().reverse()).toEqual(createdAts);
    expect(page.items.every((item: { channel: string; read: boolean }) => item.channel === 'IN_APP' && !item.read)).toBe(true);
    expect(page.items.map((item: { subject: string }) => item.subject)).toContain(`Order ${order.facts.number} has shipped`);
    const second = await h.gql(MY_NOTIFICATIONS, { page: 2, pageSize: 2 }, me);
    expect(second.data!.myNotifications.items).toHaveLength(1);
    expect(second.data!.myNotifications.pageInfo).toEqual({ page: 2, pageSize: 2, total: 3 });

    const id = page.items[0].id;
    expect(errorCodes(await h.gql(MARK_READ, { id }, viewerWith('CUSTOMER')))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.gql(MARK_READ, { id }, viewerWith('ADMIN')))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.gql(MARK_READ, { id: randomUUID() }, me))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.gql(MARK_READ, { id: 'not-a-uuid' }, me))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.gql(MARK_READ, { id }, { userId: null, roles: [], sessionId: null }))).toEqual(['UNAUTHENTICATED']);
    expect((await h.prisma.notification.findUniqueOrThrow({ where: { id } })).read).toBe(false);
    expect((await h.gql(MARK_READ, { id }, me)).data).toEqual({ markNotificationRead: true });
    expect((await h.gql(MARK_READ, { id }, me)).data).toEqual({ markNotificationRead: true });
    expect((await h.prisma.notification.findUniqueOrThrow({ where: { id } })).read).toBe(true);
    expect(errorCodes(await h.gql(MY_NOTIFICATIONS, {}, { userId: null, roles: [], sessionId: null }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await h.gql(MY_NOTIFICATIONS, { pageSize: 0 }, me))).toEqual(['BAD_USER_INPUT']);

    await h.publish('identity.user.deleted.v1', { userId: customerId }, { correlationId: 'n2' });
    await eventually(async () => expect((await h.gql(MY_NOTIFICATIONS, {}, me)).data!.myNotifications.pageInfo.total).toBe(0));
  });
});
