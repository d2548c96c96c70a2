import { parseConfig } from '@drobble/kit/config/load-config';
import { booleanFlag } from '@drobble/kit/config/fields';

/** The catalog's own settings (the platform passes DATABASE_URL, keys and port through the runtime). */
export const catalogConfigShape = {
  SEED_DEMO_DATA: booleanFlag(false),
};

export const parseCatalogConfig = (env: NodeJS.ProcessEnv) => parseConfig(catalogConfigShape, env);
