import { requireRole } from '@drobble/kit/auth/guards';
import type { Viewer } from '@drobble/kit/auth/viewer';
import { parseSearchArgs, parseSuggestArgs, type Facet, type SearchArgs } from '../domain/search-query.ts';
import { allDocuments } from '../infra/documents.ts';
import type { SearchDeps } from './deps.ts';

export interface SearchResultPage {
  items: { __typename: 'Product'; id: string }[];
  pageInfo: { page: number; pageSize: number; total: number };
  facets: Facet[];
}

/** Query.search: validated arguments -> the engine -> Product references (catalog resolves the rest). */
export async function searchProducts(deps: SearchDeps, args: SearchArgs): Promise<SearchResultPage> {
  const query = parseSearchArgs(args);
  const hits = await deps.engine.search(query);
  return {
    items: hits.ids.map((id) => ({ __typename: 'Product', id })),
    pageInfo: { page: query.page, pageSize: query.pageSize, total: hits.total },
    facets: hits.facets,
  };
}

/** Query.searchSuggestions. */
export async function suggest(deps: SearchDeps, prefix: string, limit: number | null | undefined): Promise<string[]> {
  const args = parseSuggestArgs(prefix, limit);
  return deps.engine.suggest(args.prefix, args.limit);
}

/** Mutation.reindexSearch (ADMIN): rebuilds the engine's index from the search subgraph's own data. */
export async function reindex(deps: SearchDeps, viewer: Viewer): Promise<{ documents: number }> {
  requireRole(viewer, 'ADMIN');
  return deps.engine.rebuild(allDocuments(deps.prisma));
}
