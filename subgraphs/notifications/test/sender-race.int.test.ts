import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@drobble/kit/logger';
import { startMailSender } from '../src/application/mail-sender.ts';
import { smtpTransport } from '../src/infra/mail-transport.ts';
import { disconnectWithin } from '@drobble/kit/db/prisma-adapter';
import { createNotificationsPrisma } from '../src/infra/prisma.ts';
import { eventually, startNotifications } from './harness.ts';
import { startSmtpServer } from './smtp.ts';

let h: Awaited<ReturnType<typeof startNotifications>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  h = await startNotifications({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await h?.stop();
  await smtp?.close();
});

describe('mail senders racing (replicas)', () => {
  it('send every queued email exactly once', async () => {
    const logger = createLogger('race', 'silent');
    const clients = [createNotificationsPrisma(h.db.connectionString), createNotificationsPrisma(h.db.connectionString)];
    const senders = clients.map((prisma) => startMailSender({ prisma, transport: smtpTransport(smtp.url), from: 'race@drobble.test', logger, retryBaseMs: 100, maxAttempts: 3, pollMs: 50 }));
    const batch = randomUUID().slice(0, 8);
    const rows = Array.from({ length: 20 }, (_, i) => ({
      id: randomUUID(), eventId: randomUUID(), template: 'welcome', to: `race-${batch}@example.com`, subject: `race ${batch} #${i}`, text: 't', html: '<p>h</p>',
    }));
    await h.prisma.email.createMany({ data: rows });
    await Promise.all(senders.map((sender) => sender.sendDue()));
    await eventually(async () => expect(await h.prisma.email.count({ where: { to: `race-${batch}@example.com`, status: 'SENT' } })).toBe(20));
    await Promise.all(senders.map((sender) => sender.stop()));
    await Promise.all(clients.map((client) => disconnectWithin(client)));
    const subjects = smtp.received.map((mail) => mail.subject).filter((subject) => subject?.startsWith(`race ${batch}`));
    expect(subjects).toHaveLength(20);
    expect(new Set(subjects).size).toBe(20);
    const sent = await h.prisma.email.findMany({ where: { to: `race-${batch}@example.com` } });
    expect(sent.every((row) => row.attempts === 1 && row.messageId !== null)).toBe(true);
  });
});
