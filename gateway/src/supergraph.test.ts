import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../test/fixtures.ts';
import { listSubgraphs, readSupergraph, resolveSubgraphUrls } from './supergraph.ts';

describe('supergraph', () => {
  const sdl = composeSupergraph();

  it('lists subgraphs with their routing URLs', () => {
    expect(listSubgraphs(sdl)).toEqual([
      { name: 'accounts', url: 'http://127.0.0.1:9/graphql' },
      { name: 'catalog', url: 'http://127.0.0.1:9/graphql' },
    ]);
  });

  it('applies overrides and reports unused ones', () => {
    const { subgraphs, unusedOverrides } = resolveSubgraphUrls(listSubgraphs(sdl), { catalog: 'http://c/graphql', catalgo: 'http://typo' });
    expect(subgraphs).toEqual([
      { name: 'accounts', url: 'http://127.0.0.1:9/graphql' },
      { name: 'catalog', url: 'http://c/graphql' },
    ]);
    expect(unusedOverrides).toEqual(['SUBGRAPH_CATALGO_URL']);
  });

  it('requires a URL for every subgraph', () => {
    expect(() => resolveSubgraphUrls([{ name: 'orders', url: '' }], {})).toThrow(/SUBGRAPH_ORDERS_URL/);
  });

  it('explains a missing or wrong file', async () => {
    await expect(readSupergraph('/nonexistent/supergraph.graphql')).rejects.toThrow(/SUPERGRAPH_PATH.*npm run compose/);
    expect(() => listSubgraphs('type Query { a: Int }')).toThrow(/not a supergraph/);
  });
});
