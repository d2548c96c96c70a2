/**
 * The automatic check that lets a verified purchaser's review skip the moderation queue. Anything
 * it flags waits for a moderator (it never rejects on its own), so it can afford to be strict.
 */

/** A small shipped list: slurs and abuse are left to moderators; these are the spam and scam staples. */
const BANNED_WORDS = ['viagra', 'cialis', 'casino', 'crypto', 'bitcoin', 'forex', 'porn', 'xxx', 'escort', 'loan', 'whatsapp', 'telegram', 'scam', 'fuck', 'shit', 'bitch', 'cunt'];

const LINK = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|io|ru|cn|xyz|top|biz|info|shop|link)\b/i;
const EMAIL = /\b[^\s@]+@[^\s@]+\.[a-z]{2,}\b/i;
const PHONE = /(?:\+?\d[\s-]?){9,}/;

export interface CleanCheck {
  clean: boolean;
  /** Why it was held, for the moderator (null when clean). */
  reason: string | null;
}

export function checkClean(...texts: (string | null)[]): CleanCheck {
  const text = texts.filter((t): t is string => t !== null).join('\n');
  const words = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const banned = BANNED_WORDS.find((word) => words.has(word));
  if (banned) return { clean: false, reason: `contains the banned word "${banned}"` };
  if (LINK.test(text)) return { clean: false, reason: 'contains a link' };
  if (EMAIL.test(text)) return { clean: false, reason: 'contains an email address' };
  if (PHONE.test(text)) return { clean: false, reason: 'contains a phone number' };
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 20 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return { clean: false, reason: 'written in capitals' };
  if (/(.)\1{9,}/u.test(text)) return { clean: false, reason: 'repeated characters' };
  return { clean: true, reason: null };
}
