import { z } from 'zod';

/** Reusable environment-variable parsers, so every service reads the same names the same way. */
export const port = (fallback: number) =>
  z.coerce.number({ message: 'expected a TCP port number' }).int().min(0).max(65535).default(fallback);

export const url = (protocols: string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol.replace(':', ''));
    } catch {
      return false;
    }
  }, `expected a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`);

export const optionalUrl = (protocols: string[]) => url(protocols).optional();

export const nodeEnv = z.enum(['development', 'test', 'production']).default('development');
/** EVENT_CONCURRENCY: how many events one subscription may handle at once, where it allows it (saga steps of different orders). 1 = one at a time. */
export const eventConcurrency = z.coerce.number().int().min(1).max(64).default(8);
export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

export const csvList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');
