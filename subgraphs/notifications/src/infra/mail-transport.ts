import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** Our email row id: the file name, and part of the Message-ID (receivers can spot a resend). */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends one message or throws (the sender retries). */
export interface MailTransport {
  readonly kind: 'smtp' | 'files';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

const messageIdOf = (mail: OutgoingMail, from: string) => `<${mail.id}@${from.match(/@([^>\s]+)/)?.[1] ?? 'drobble.local'}>`;

/** nodemailer's SMTP transport to `smtpUrl` (e.g. smtp://user:pass@host:587). */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail({ ...mail, messageId: messageIdOf(mail, mail.from) });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/**
 * nodemailer's stream transport (it builds the full MIME message) written to `<dir>/<time>-<id>.eml`:
 * the embedded default, so `npm start` needs no mail server; open the files with any mail client.
 */
export function fileTransport(dir: string): MailTransport {
  const folder = resolve(dir);
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'files',
    async send(mail) {
      const info = await transporter.sendMail({ ...mail, messageId: messageIdOf(mail, mail.from) });
      await mkdir(folder, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await writeFile(join(folder, `${stamp}-${mail.id}.eml`), info.message as Buffer);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

export const createMailTransport = (config: { SMTP_URL?: string; MAIL_DIR: string }): MailTransport =>
  config.SMTP_URL ? smtpTransport(config.SMTP_URL) : fileTransport(config.MAIL_DIR);
