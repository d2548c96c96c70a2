import { parseConfig } from '@drobble/kit/config/load-config';
import { z } from 'zod';

/** The analytics context's own settings. */
export const analyticsConfigShape = {
  /** Figures count orders, payments and refunds in this currency only (the store's currency). */
  ANALYTICS_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD').default('USD'),
  /** Minimum time between two analytics.dashboard.updated events while events arrive. */
  ANALYTICS_DASHBOARD_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(250),
};

export const parseAnalyticsConfig = (env: NodeJS.ProcessEnv) => parseConfig(analyticsConfigShape, env);
export type AnalyticsConfig = ReturnType<typeof parseAnalyticsConfig>;
