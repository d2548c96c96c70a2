import { randomInt } from 'node:crypto';

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];
const SUFFIX = 'DB';
const FORMAT = /^([A-Z]{2})(\d{8})(\d)DB$/;

/** The UPU S10 check digit of an 8-digit serial: 11 - (weighted sum mod 11); 10 -> 0, 11 -> 5. */
export function checkDigit(serial: string): number {
  const sum = [...serial].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** A tracking number in the S10 layout: prefix, 8-digit serial, check digit, "DB" (e.g. DP473124829DB). */
export function newTrackingNumber(prefix: string, random: () => number = () => randomInt(0, 100_000_000)): string {
  const serial = String(random()).padStart(8, '0');
  return `${prefix}${serial}${checkDigit(serial)}${SUFFIX}`;
}

/** True when the format and the check digit are right (catches a mistyped digit). */
export function isValidTrackingNumber(value: string): boolean {
  const match = FORMAT.exec(value);
  return match !== null && checkDigit(match[2]!) === Number(match[3]);
}
