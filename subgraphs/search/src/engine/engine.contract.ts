import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument } from '../domain/search-document.ts';
import { parseSearchArgs, type SearchArgs } from '../domain/search-query.ts';
import type { SearchEngine } from './search-engine.ts';

/**
 * The one contract every SearchEngine passes (run by test/search-engine.int.test.ts over each engine
 * available). A known data set, so facet counts are exact.
 */
export interface EngineFixture {
  engine: SearchEngine;
  /** Whether the engine tolerates typos (PostgreSQL without pg_trgm does not). */
  typoTolerant: boolean;
  cleanup(): Promise<void>;
}

const shirts = randomUUID();
const lamps = randomUUID();
const mugs = randomUUID();

let n = 0;
function doc(name: string, categoryId: string | null, categoryName: string, price: number, extra: Partial<SearchDocument> = {}): SearchDocument {
  n += 1;
  return {
    id: randomUUID(),
    name,
    description: '',
    attributes: '',
    categoryId,
    categoryName,
    price,
    currency: 'USD',
    inStock: true,
    ratingAverage: 0,
    ratingCount: 0,
    createdAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
    ...extra,
  };
}

export const DATA_SET: SearchDocument[] = [
  doc('Classic Oxford Shirt', shirts, 'Shirts', 4900, { attributes: 'Material Cotton', description: 'A button-down shirt.' }),
  doc('Linen Summer Shirt', shirts, 'Shirts', 5900, { attributes: 'Material Linen', inStock: false }),
  doc('Flannel Check Shirt', shirts, 'Shirts', 900, { attributes: 'Material Cotton Pattern Check' }),
  doc('Brass Desk Lamp', lamps, 'Lamps', 12900, { description: 'Warm light for your desk.', ratingCount: 3, ratingAverage: 4.5 }),
  doc('Paper Floor Lamp', lamps, 'Lamps', 30000),
  doc('Stoneware Mug', mugs, 'Mugs', 1500, { description: 'Holds tea, coffee or a lamp oil candle.' }),
  doc('Cotton Tote', null, '', 2500, { attributes: 'Material Cotton' }),
];
const byName = (name: string) => DATA_SET.find((d) => d.name === name)!.id;

export function engineContract(name: string, setup: () => Promise<EngineFixture>) {
  describe(`SearchEngine contract: ${name}`, () => {
    let fixture: EngineFixture;
    const search = (args: Partial<SearchArgs> = {}) => fixture.engine.search(parseSearchArgs({ query: '', ...args }));
    const names = (ids: string[]) => ids.map((id) => DATA_SET.find((d) => d.id === id)?.name ?? id);
    const facet = async (args: Partial<SearchArgs>, facetName: string) => {
      const hits = await search(args);
      return Object.fromEntries(hits.facets.find((f) => f.name === facetName)!.values.map((v) => [v.value, v.count]));
    };

    beforeAll(async () => {
      fixture = await setup();
      await fixture.engine.upsert(DATA_SET);
    }, 120_000);
    afterAll(() => fixture?.cleanup());

    it('matches words with prefixes, name above description', async () => {
      const hits = await search({ query: 'lamp' });
      expect(hits.total).toBe(3);
      expect(names(hits.ids).at(-1)).toBe('Stoneware Mug');
      expect(names((await search({ query: 'lam' })).ids)).toContain('Brass Desk Lamp');
      expect(names((await search({ query: 'oxf shi' })).ids)).toEqual(['Classic Oxford Shirt']);
    });

    it('weights the category name and attributes', async () => {
      expect(names((await search({ query: 'shirts' })).ids).sort()).toEqual(['Classic Oxford Shirt', 'Flannel Check Shirt', 'Linen Summer Shirt']);
      expect((await search({ query: 'cotton' })).total).toBe(3);
    });

    it('counts facets over every match, not just the page', async () => {
      expect(await facet({ query: 'cotton', pageSize: 1 }, 'category')).toEqual({ [DATA_SET[0]!.categoryId!]: 2 });
      const prices = await facet({}, 'price');
      expect(prices).toEqual({ '0-1000': 1, '1000-2500': 1, '2500-5000': 2, '5000-10000': 1, '10000-25000': 1, '25000+': 1 });
      expect(await facet({}, 'category')).toEqual({ [shirts]: 3, [lamps]: 2, [mugs]: 1 });
    });

    it('filters by category, price and stock, and facets follow', async () => {
      const hits = await search({ filters: { categoryIds: [shirts, mugs], minPrice: 1000, maxPrice: 5900, inStock: true } });
      expect(names(hits.ids).sort()).toEqual(['Classic Oxford Shirt', 'Stoneware Mug']);
      expect(hits.total).toBe(2);
      expect(await facet({ filters: { inStock: false } }, 'category')).toEqual({ [shirts]: 1 });
    });

    it('sorts and pages', async () => {
      const cheap = await search({ sort: 'PRICE_ASC', pageSize: 3 });
      expect(names(cheap.ids)).toEqual(['Flannel Check Shirt', 'Stoneware Mug', 'Cotton Tote']);
      const second = await search({ sort: 'PRICE_ASC', pageSize: 3, page: 2 });
      expect(names(second.ids)).toEqual(['Classic Oxford Shirt', 'Linen Summer Shirt', 'Brass Desk Lamp']);
      expect(second.total).toBe(7);
      expect(names((await search({ sort: 'PRICE_DESC', pageSize: 1 })).ids)).toEqual(['Paper Floor Lamp']);
      expect(names((await search({ sort: 'NEWEST', pageSize: 1 })).ids)).toEqual(['Cotton Tote']);
    });

    it('suggests names completing a prefix', async () => {
      expect(await fixture.engine.suggest('la', 10)).toEqual(expect.arrayContaining(['Brass Desk Lamp', 'Paper Floor Lamp']));
      expect(await fixture.engine.suggest('ox', 10)).toEqual(['Classic Oxford Shirt']);
      expect(await fixture.engine.suggest('zzz', 10)).toEqual([]);
      expect(await fixture.engine.suggest('s', 2)).toHaveLength(2);
    });

    it('tolerates a typo where the engine can', async () => {
      const hits = await search({ query: 'oxfort' });
      if (fixture.typoTolerant) expect(names(hits.ids)).toContain('Classic Oxford Shirt');
      else expect(hits.total).toBe(0);
    });

    it('replaces and removes documents', async () => {
      const extra = doc('Walnut Cutting Board', null, '', 3900);
      await fixture.engine.upsert([extra]);
      expect((await search({ query: 'walnut' })).ids).toEqual([extra.id]);
      await fixture.engine.upsert([{ ...extra, name: 'Maple Cutting Board' }]);
      expect((await search({ query: 'walnut' })).total).toBe(0);
      expect((await search({ query: 'maple' })).ids).toEqual([extra.id]);
      await fixture.engine.remove([extra.id, randomUUID()]);
      expect((await search({ query: 'maple' })).total).toBe(0);
    });

    it('rebuilds from batches; searches see the old index until the swap', async () => {
      const keep = DATA_SET.filter((d) => d.name !== 'Cotton Tote');
      const engine = fixture.engine;
      let midway = -1;
      async function* batches() {
        yield keep.slice(0, 3);
        midway = (await engine.search(parseSearchArgs({ query: '' }))).total;
        yield keep.slice(3);
      }
      expect(await engine.rebuild(batches())).toEqual({ documents: keep.length });
      expect(midway).toBe(DATA_SET.length);
      expect((await search()).total).toBe(keep.length);
      expect((await search({ query: 'tote' })).total).toBe(0);
      expect(byName('Brass Desk Lamp')).toBeDefined();
    });
  });
}
