import { parseConfig } from '@drobble/kit/config/load-config';
import { optionalUrl } from '@drobble/kit/config/fields';
import { z } from 'zod';

/** The search subgraph's own settings (the platform passes DATABASE_URL, keys and port through the runtime). */
export const searchConfigShape = {
  /** Set: Elasticsearch is the engine. Unset: PostgreSQL full-text in the search schema. */
  ELASTICSEARCH_URL: optionalUrl(['http', 'https']),
  /** The alias searches go through (physical indices are `<alias>-<timestamp>`). */
  ELASTICSEARCH_INDEX: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,100}$/, 'lower-case letters, digits, - and _').default('drobble-products'),
};

export const parseSearchConfig = (env: NodeJS.ProcessEnv) => parseConfig(searchConfigShape, env);
