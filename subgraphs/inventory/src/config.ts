import { ConfigError, parseConfig } from '@drobble/kit/config/load-config';
import { z } from 'zod';

const positiveInt = (fallback: number, max: number, unit: string) =>
  z.coerce.number({ message: `expected a whole number of ${unit}` }).int(`expected a whole number of ${unit}`).min(1).max(max).default(fallback);

/** The inventory's own settings (the platform passes DATABASE_URL, keys and port through the runtime). */
export const inventoryConfigShape = {
  /** How long a reservation holds stock; longer than orders' payment timeout. Default 30 minutes. */
  RESERVATION_TTL_SECONDS: positiveInt(1_800, 7 * 24 * 3_600, 'seconds'),
  /** How often expired reservations are released. */
  RESERVATION_SWEEP_INTERVAL_MS: positiveInt(15_000, 3_600_000, 'milliseconds'),
  /** A variant is lowStock when available <= this (per variant, settable with setLowStockThreshold). */
  LOW_STOCK_THRESHOLD: z.coerce.number({ message: 'expected a whole number' }).int('expected a whole number').min(0).max(1_000_000).default(5),
};

/**
 * Parses the settings; when orders' ORDER_PAYMENT_TIMEOUT_SECONDS is in the same environment (the
 * embedded platform, a shared .env), the reservation must outlive it, or stock could be released
 * under an order still waiting for its payment.
 */
export function parseInventoryConfig(env: NodeJS.ProcessEnv) {
  const config = parseConfig(inventoryConfigShape, env);
  const paymentTimeout = Number(env.ORDER_PAYMENT_TIMEOUT_SECONDS);
  if (env.ORDER_PAYMENT_TIMEOUT_SECONDS && Number.isFinite(paymentTimeout) && config.RESERVATION_TTL_SECONDS <= paymentTimeout) {
    throw new ConfigError(
      `Invalid configuration:\nRESERVATION_TTL_SECONDS: must be longer than ORDER_PAYMENT_TIMEOUT_SECONDS (${paymentTimeout}) (got "${config.RESERVATION_TTL_SECONDS}")`,
    );
  }
  return config;
}
