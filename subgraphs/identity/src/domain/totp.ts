import { Secret, TOTP } from 'otpauth';

/** RFC 6238 TOTP: SHA-1, 6 digits, 30 s steps (what authenticator apps expect). */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** At most one step of clock drift either way. */
const WINDOW = 1;
const ISSUER = 'Drobble';

const totpFor = (secretBase32: string, label = 'account') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });

/** A fresh 160-bit secret in base32 (RFC 4226's recommended length). */
export const generateTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URL an authenticator app scans (as a QR code). */
export const otpauthUrl = (secretBase32: string, accountEmail: string): string => totpFor(secretBase32, accountEmail).toString();

/** The code for a given time (tests and tools; the server never hands out codes). */
export const totpCode = (secretBase32: string, at: Date): string => totpFor(secretBase32).generate({ timestamp: at.getTime() });

const CODE_SHAPE = /^[0-9]{6}$/;

/**
 * The time step the code belongs to, when it is valid at `now` within one step of drift and later
 * than `lastUsedStep` (so an accepted code, or an older one, is never accepted again); else null.
 */
export function verifyTotp(secretBase32: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!CODE_SHAPE.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}
