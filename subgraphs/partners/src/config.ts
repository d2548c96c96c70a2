import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseConfig } from '@drobble/kit/config/load-config';

/** Written by `npm run codegen` (codegen.ts at the repo root): persisted-document id -> operation text. */
export const DEFAULT_PERSISTED_DOCUMENTS_PATH = fileURLToPath(new URL('../../../clients/sdk/src/gql/persisted-documents.json', import.meta.url));

export const partnersConfigShape = {
  PERSISTED_DOCUMENTS_PATH: z.string().min(1).default(DEFAULT_PERSISTED_DOCUMENTS_PATH),
};

export const parsePartnersConfig = (env: NodeJS.ProcessEnv) => parseConfig(partnersConfigShape, env);

/** The operation ids a key may be granted: the manifest's keys (undefined when there is no manifest). */
export function readKnownOperations(path: string): ReadonlySet<string> | undefined {
  if (!existsSync(path)) return undefined;
  return new Set(Object.keys(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>));
}
