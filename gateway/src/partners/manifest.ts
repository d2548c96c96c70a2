import { existsSync, readFileSync } from 'node:fs';
import type { Logger } from '@drobble/kit/logger';

/** The trusted documents: persisted-document id (sha256 of the text) -> operation text. */
export type PersistedDocuments = ReadonlyMap<string, string>;

/** Reads codegen's persisted-documents.json; an absent file means no partner operation exists yet. */
export function loadPersistedDocuments(path: string, logger: Logger): PersistedDocuments {
  if (!existsSync(path)) {
    logger.warn({ path }, 'no persisted-documents manifest (run `npm run codegen`): partner requests will all be refused');
    return new Map();
  }
  return new Map(Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>));
}
