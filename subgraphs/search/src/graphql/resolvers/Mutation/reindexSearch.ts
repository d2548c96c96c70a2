import { reindex } from '../../../application/search.ts';
import type { SearchContext } from '../../../context.ts';

/** Mutation.reindexSearch (ADMIN). */
export async function reindexSearch(_parent: unknown, _args: unknown, context: SearchContext) {
  const { documents } = await reindex(context.deps, context.viewer);
  context.logger.info({ documents }, 'reindexSearch done');
  return true;
}
