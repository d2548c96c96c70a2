import { suggest } from '../../../application/search.ts';
import type { SearchContext } from '../../../context.ts';

/** Query.searchSuggestions (anyone). */
export function searchSuggestions(_parent: unknown, args: { prefix: string; limit?: number | null }, context: SearchContext) {
  return suggest(context.deps, args.prefix, args.limit);
}
