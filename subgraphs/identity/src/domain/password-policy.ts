import { readFileSync } from 'node:fs';
import { badInput } from '@drobble/kit/errors';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing cannot be used to burn CPU. */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordRule = 'MIN_LENGTH' | 'MAX_LENGTH' | 'COMMON_PASSWORD';

/** The rule a password breaks, with the message shown to the user; null when it is acceptable. */
export interface PasswordViolation {
  rule: PasswordRule;
  message: string;
}

/** Reads the shipped list (one password per line, # comments); entries are compared lowercased. */
export function loadCommonPasswords(text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')): ReadonlySet<string> {
  const entries = text
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  return new Set(entries);
}

/** Pure: checks length in code points (so emoji count once) and the common-password list. */
export function checkPassword(password: string, commonPasswords: ReadonlySet<string>): PasswordViolation | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return { rule: 'MIN_LENGTH', message: `Password must be at least ${MIN_PASSWORD_LENGTH} characters long` };
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return { rule: 'MAX_LENGTH', message: `Password must be at most ${MAX_PASSWORD_LENGTH} characters long` };
  }
  if (commonPasswords.has(password.trim().toLowerCase())) {
    return { rule: 'COMMON_PASSWORD', message: 'Password is too common; choose one that is not on the list of common passwords' };
  }
  return null;
}

/** BAD_USER_INPUT on `field` ("password") (extensions.rule names the rule) unless the password is acceptable. */
export function assertPasswordAllowed(password: string, commonPasswords: ReadonlySet<string>, field = 'password'): void {
  const violation = checkPassword(password, commonPasswords);
  if (!violation) return;
  const error = badInput(field, violation.message);
  error.extensions.rule = violation.rule;
  throw error;
}
