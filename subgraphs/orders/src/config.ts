import { z } from 'zod';
import { parseConfig } from '@drobble/kit/config/load-config';

const countryRates = z
  .string()
  .default('US=0,CA=500,GB=2000,DE=1900,FR=2000,NL=2100,ES=2100,IT=2200')
  .transform((value, ctx) => {
    const rates: Record<string, number> = {};
    for (const entry of value.split(',').map((item) => item.trim()).filter(Boolean)) {
      const match = /^([A-Z]{2})=(\d{1,5})$/.exec(entry);
      if (!match || Number(match[2]) > 10_000) {
        ctx.addIssue({ code: 'custom', message: `expected CC=basisPoints pairs (e.g. DE=1900), got "${entry}"` });
        return z.NEVER;
      }
      rates[match[1]!] = Number(match[2]);
    }
    return rates;
  });

const minorUnits = (fallback: number) => z.coerce.number({ message: 'expected an amount in minor units' }).int().min(0).default(fallback);
const positiveInt = (fallback: number) => z.coerce.number({ message: 'expected a positive integer' }).int().positive().default(fallback);
const delays = z
  .string()
  .default('1000,5000,30000,120000')
  .transform((value) => value.split(',').map((item) => Number(item.trim())))
  .refine((list) => list.length > 0 && list.every((n) => Number.isInteger(n) && n >= 0), 'expected comma-separated milliseconds');

/** The orders context's settings: taxes, shipping prices, saga timeouts, consumer retries. */
export const ordersConfigShape = {
  /** Tax per destination country in basis points (1900 = 19 %). */
  ORDER_TAX_RATES: countryRates,
  /** Tax for countries not listed. */
  ORDER_DEFAULT_TAX_BPS: z.coerce.number({ message: 'expected basis points' }).int().min(0).max(10_000).default(0),
  ORDER_SHIPPING_STANDARD: minorUnits(499),
  ORDER_SHIPPING_EXPRESS: minorUnits(1_499),
  /** How long a reserved order waits for its payment before it is cancelled (PAYMENT_TIMEOUT). */
  ORDER_PAYMENT_TIMEOUT_SECONDS: positiveInt(900),
  /** How long a new order waits for inventory's answer before it fails (RESERVATION_TIMEOUT). */
  ORDER_RESERVATION_TIMEOUT_SECONDS: positiveInt(300),
  /** How often the saga's deadline sweeper runs. */
  ORDER_SWEEP_INTERVAL_MS: positiveInt(1_000),
  /** Deliveries of a saga event before it becomes a dead letter. */
  ORDER_CONSUMER_MAX_DELIVER: positiveInt(5),
  ORDER_CONSUMER_BACKOFF_MS: delays,
  /** How long placeOrder waits for orders' copy of the cart to catch up with cart's events. */
  ORDER_CART_SYNC_WAIT_MS: z.coerce.number({ message: 'expected milliseconds' }).int().min(0).max(30_000).default(3_000),
  /** Database connections of the orders service. */
  ORDERS_DB_POOL_SIZE: positiveInt(5),
};

export function parseOrdersConfig(env: NodeJS.ProcessEnv) {
  const raw = parseConfig(ordersConfigShape, env);
  return {
    taxRates: raw.ORDER_TAX_RATES,
    defaultTaxBps: raw.ORDER_DEFAULT_TAX_BPS,
    shippingCosts: { STANDARD: raw.ORDER_SHIPPING_STANDARD, EXPRESS: raw.ORDER_SHIPPING_EXPRESS },
    paymentTimeoutMs: raw.ORDER_PAYMENT_TIMEOUT_SECONDS * 1_000,
    reservationTimeoutMs: raw.ORDER_RESERVATION_TIMEOUT_SECONDS * 1_000,
    sweepIntervalMs: raw.ORDER_SWEEP_INTERVAL_MS,
    maxDeliver: raw.ORDER_CONSUMER_MAX_DELIVER,
    backoffMs: raw.ORDER_CONSUMER_BACKOFF_MS,
    dbPoolSize: raw.ORDERS_DB_POOL_SIZE,
    cartSyncWaitMs: raw.ORDER_CART_SYNC_WAIT_MS,
  };
}

export type OrderConfig = ReturnType<typeof parseOrdersConfig>;
