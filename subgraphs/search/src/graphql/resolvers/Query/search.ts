import { searchProducts } from '../../../application/search.ts';
import type { SearchArgs } from '../../../domain/search-query.ts';
import type { SearchContext } from '../../../context.ts';

/** Query.search (anyone). */
export function search(_parent: unknown, args: SearchArgs, context: SearchContext) {
  return searchProducts(context.deps, args);
}
