import { describe, expect, it } from 'vitest';
import { parseNotificationsConfig } from './config.ts';

describe('notifications config', () => {
  it('writes .eml files by default and treats an empty SMTP_URL as unset', () => {
    expect(parseNotificationsConfig({}).SMTP_URL).toBeUndefined();
    expect(parseNotificationsConfig({}).MAIL_DIR).toBe('.data/mail');
    expect(parseNotificationsConfig({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(parseNotificationsConfig({ SMTP_URL: 'smtp://u:p@mail.example.com:587' }).SMTP_URL).toBe('smtp://u:p@mail.example.com:587');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseNotificationsConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
    expect(() => parseNotificationsConfig({ MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });
});
