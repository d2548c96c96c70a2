import { badInput } from '@drobble/kit/errors';

export const MAX_EMAIL_LENGTH = 254;
/** Deliberately simple: one @, a dot in the domain, no spaces; deliverability is proven by mail, not regex. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Trimmed and lowercased: the form every email is stored and looked up in. */
export const normaliseEmail = (raw: string): string => raw.trim().toLowerCase();

/** Normalises and validates an email for registration; BAD_USER_INPUT on field "email" otherwise. */
export function parseEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (email.length === 0) throw badInput('email', 'Email is required');
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_SHAPE.test(email)) throw badInput('email', 'Email is not a valid email address');
  return email;
}
