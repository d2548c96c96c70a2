import { reindexSearch } from './Mutation/reindexSearch.ts';
import { search } from './Query/search.ts';
import { searchSuggestions } from './Query/searchSuggestions.ts';

/** Every resolver of the search subgraph, keyed as in schema.graphql. */
export const resolvers = {
  Query: { search, searchSuggestions },
  Mutation: { reindexSearch },
};
