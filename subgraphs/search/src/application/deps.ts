import type { SearchEngine } from '../engine/search-engine.ts';
import type { SearchPrisma } from '../infra/prisma.ts';

/** What the search use cases need. */
export interface SearchDeps {
  prisma: SearchPrisma;
  engine: SearchEngine;
}
