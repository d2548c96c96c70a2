import { parseConfig } from '@drobble/kit/config/load-config';
import { optionalUrl } from '@drobble/kit/config/fields';
import { z } from 'zod';

/** The notifications context's own settings. */
export const notificationsConfigShape = {
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example.com:587; unset: .eml files in MAIL_DIR. */
  SMTP_URL: z.preprocess((value) => (value === '' ? undefined : value), optionalUrl(['smtp', 'smtps'])),
  /** Where emails are written as .eml files when SMTP_URL is not set. */
  MAIL_DIR: z.string().min(1).default('.data/mail'),
  MAIL_FROM: z.string().min(3).default('Drobble <no-reply@drobble.local>'),
  /** The storefront's base URL, for links in emails (password reset). */
  APP_URL: z.url().default('http://localhost:5173'),
  /** First retry delay of a failed send; doubles per attempt (capped at one hour). */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  /** Sends tried before an email is marked FAILED. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
};

export const parseNotificationsConfig = (env: NodeJS.ProcessEnv) => parseConfig(notificationsConfigShape, env);
export type NotificationsConfig = ReturnType<typeof parseNotificationsConfig>;
