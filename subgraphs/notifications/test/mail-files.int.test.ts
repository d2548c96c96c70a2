import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startNotifications } from './harness.ts';

let h: Awaited<ReturnType<typeof startNotifications>>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drobble-mail-'));
  h = await startNotifications({ MAIL_DIR: dir });
});
afterAll(async () => {
  await h?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the embedded default (no SMTP_URL)', () => {
  it('writes each email as an .eml file that a mail client can read', async () => {
    const email = `eml-${randomUUID().slice(0, 8)}@example.com`;
    await h.publish('identity.user.registered.v1', { userId: randomUUID(), email, firstName: 'Eve', lastName: null, roles: ['CUSTOMER'] }, { correlationId: 'f1' });
    const files = await eventually(async () => {
      const names = (await readdir(dir)).filter((name) => name.endsWith('.eml'));
      expect(names).toHaveLength(1);
      return names;
    });
    const mail = await simpleParser(await readFile(join(dir, files[0]!)));
    expect(mail.subject).toBe('Welcome to Drobble');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(email);
    expect(mail.text).toContain('Hello Eve,');
    expect(mail.html).toContain('<p>Hello Eve,</p>');
    const row = await h.prisma.email.findFirstOrThrow({ where: { to: email } });
    expect(row.status).toBe('SENT');
    expect(mail.messageId).toBe(row.messageId);
  });
});
