import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ORD-YYYYMMDD-XXXXX: the UTC day and five random base-36 characters (60 million per day). */
export function orderNumber(at: Date, random: (max: number) => number = randomInt): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += ALPHABET[random(ALPHABET.length)];
  return `ORD-${day}-${suffix}`;
}

export const ORDER_NUMBER_PATTERN = /^ORD-\d{8}-[0-9A-Z]{5}$/;
