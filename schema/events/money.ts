import { z } from 'zod';

/** ISO 4217 currency code, e.g. "USD". */
export const currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code');

/** Integer minor units (cents); never floats. */
export const minorUnits = z.number().int().nonnegative();

/** An amount of money: integer minor units with its currency. */
export const money = z.object({ amount: minorUnits, currency });
export type Money = z.infer<typeof money>;
