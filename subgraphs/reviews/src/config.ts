import { parseConfig } from '@drobble/kit/config/load-config';
import { booleanFlag } from '@drobble/kit/config/fields';

/** The reviews subgraph's own settings (the platform passes DATABASE_URL, keys and port through the runtime). */
export const reviewsConfigShape = {
  /** Seeds approved demo reviews for catalog's demo products, by identity's demo accounts. */
  SEED_DEMO_DATA: booleanFlag(false),
};

export const parseReviewsConfig = (env: NodeJS.ProcessEnv) => parseConfig(reviewsConfigShape, env);
