import type { Logger } from '@drobble/kit/logger';
import { serialQueue, startPollLoop } from '@drobble/kit/poll-loop';
import type { MailTransport } from '../infra/mail-transport.ts';
import type { NotificationsPrisma } from '../infra/prisma.ts';

export interface MailSenderOptions {
  prisma: NotificationsPrisma;
  transport: MailTransport;
  from: string;
  logger: Logger;
  retryBaseMs: number;
  maxAttempts: number;
  pollMs?: number;
  /** How long a sender holds a claimed row; a crashed sender's row is retried after it. */
  leaseMs?: number;
}

export interface MailSender {
  /** Send soon (call after queueing emails). */
  nudge(): void;
  /** Sends every due email now; resolves with how many were sent. */
  sendDue(): Promise<number>;
  stop(): Promise<void>;
}

/** Delay before attempt n+1 after failed attempt n: base, 2x base, 4x base, ... at most one hour. */
export const retryDelayMs = (attempt: number, baseMs: number) => Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);

/** Templates whose bodies carry a secret: emptied once sent (the token lives only in the email). */
const SECRET_TEMPLATES = new Set(['password_reset']);
const REDACTED = '[redacted after sending]';

/**
 * Delivers PENDING email rows whose time has come, oldest first. Each row is claimed with a
 * conditional update (lease + attempt count), so replicas never send the same row at once; a
 * failed send is retried with exponential backoff, and after `maxAttempts` the row is FAILED.
 * Logs never include bodies (a reset email carries its token).
 */
export function startMailSender(options: MailSenderOptions): MailSender {
  const { prisma, logger } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  let stopped = false;
  /** Runs never overlap within one sender. */
  const runs = serialQueue();

  async function sendOne(row: { id: string; to: string; subject: string; text: string; html: string; template: string; attempts: number }) {
    const now = new Date();
    const claim = await prisma.email.updateMany({
      where: { id: row.id, status: 'PENDING', attempts: row.attempts, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { attempts: { increment: 1 }, lockedUntil: new Date(now.getTime() + leaseMs) },
    });
    if (claim.count === 0) return false;
    const attempt = row.attempts + 1;
    try {
      const { messageId } = await options.transport.send({ id: row.id, from: options.from, to: row.to, subject: row.subject, text: row.text, html: row.html });
      const redact = SECRET_TEMPLATES.has(row.template) ? { text: REDACTED, html: REDACTED } : {};
      await prisma.email.update({ where: { id: row.id }, data: { status: 'SENT', sentAt: new Date(), messageId, lockedUntil: null, lastError: null, ...redact } });
      logger.info({ emailId: row.id, template: row.template, attempt }, 'email sent');
      return true;
    } catch (error) {
      const failed = attempt >= options.maxAttempts;
      const lastError = error instanceof Error ? error.message.slice(0, 500) : String(error);
      await prisma.email.update({
        where: { id: row.id },
        data: failed ? { status: 'FAILED', lockedUntil: null, lastError } : { nextAttemptAt: new Date(Date.now() + retryDelayMs(attempt, options.retryBaseMs)), lockedUntil: null, lastError },
      });
      logger.warn({ emailId: row.id, template: row.template, attempt, failed, error: lastError }, failed ? 'email failed for good' : 'email send failed; will retry');
      return false;
    }
  }

  const sendDue = () =>
    runs.run(async () => {
      let sent = 0;
      const now = new Date();
      const due = await prisma.email.findMany({
        where: { status: 'PENDING', nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
        orderBy: { createdAt: 'asc' },
        take: 50,
        select: { id: true, to: true, subject: true, text: true, html: true, template: true, attempts: true },
      });
      for (const row of due) {
        if (stopped) break;
        if (await sendOne(row)) sent++;
      }
      return sent;
    });

  const loop = startPollLoop({ pollMs: options.pollMs ?? 1_000, work: sendDue, onError: (error) => logger.error({ err: error }, 'mail sender poll failed') });

  return {
    nudge: () => loop.nudge(),
    sendDue,
    async stop() {
      stopped = true;
      await loop.stop();
      await runs.idle();
      options.transport.close();
    },
  };
}
