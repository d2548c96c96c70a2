import { parseConfig } from '@drobble/kit/config/load-config';
import { z } from 'zod';

/** The cart's own settings (the platform passes DATABASE_URL, keys and port through the runtime). */
export const cartConfigShape = {
  /** How long a guest cart lives after its last change (default 7 days). */
  CART_GUEST_TTL_SECONDS: z.coerce.number().int().min(1).default(7 * 24 * 3600),
  /** How often expired guest carts are swept away (they are NOT_FOUND from the moment they expire). */
  CART_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).default(10 * 60_000),
  /** Currency of an empty cart's subtotal (a cart with lines uses its products' currency). */
  /** Connections in the cart's database pool. */
  CART_DB_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(5),
  CART_DEFAULT_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD').default('USD'),
};

export type CartConfig = ReturnType<typeof parseCartConfig>;
export const parseCartConfig = (env: NodeJS.ProcessEnv) => parseConfig(cartConfigShape, env);
